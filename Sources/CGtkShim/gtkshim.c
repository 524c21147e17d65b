#define _GNU_SOURCE
#include "gtkshim.h"
#include <dlfcn.h>
#include <glib-unix.h>
#include <stdint.h>
#include <unistd.h>

// MARK: signals

gulong guichet_connect_void(gpointer instance, const gchar *signal, GuichetVoidHandler handler,
                            gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_pointer(gpointer instance, const gchar *signal,
                               GuichetPointerHandler handler, gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_bool(gpointer instance, const gchar *signal, GuichetBoolHandler handler,
                            gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_int(gpointer instance, const gchar *signal, GuichetIntHandler handler,
                           gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_uint(gpointer instance, const gchar *signal, GuichetUIntHandler handler,
                            gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_key(gpointer instance, const gchar *signal, GuichetKeyHandler handler,
                           gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_items_changed(gpointer instance, const gchar *signal,
                                     GuichetItemsChangedHandler handler, gpointer box,
                                     GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_scroll(gpointer instance, const gchar *signal, GuichetScrollHandler handler,
                              gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_size(gpointer instance, const gchar *signal, GuichetSizeHandler handler,
                            gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

gulong guichet_connect_pointer_int(gpointer instance, const gchar *signal, GuichetPointerIntHandler handler,
                                   gpointer box, GClosureNotify release) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), box, release, 0);
}

void guichet_emit_void(gpointer instance, const gchar *signal) {
    g_signal_emit_by_name(instance, signal);
}

gboolean guichet_emit_key_pressed(gpointer controller, guint keyval, guint keycode,
                                  GdkModifierType state) {
    gboolean handled = FALSE;
    g_signal_emit_by_name(controller, "key-pressed", keyval, keycode, state, &handled);
    return handled;
}

// MARK: varargs and conveniences

void guichet_accessible_set_label(GtkWidget *widget, const char *label) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void guichet_accessible_set_description(GtkWidget *widget, const char *description) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                   description, -1);
}

void guichet_accessible_set_hidden(GtkWidget *widget, gboolean hidden) {
    gtk_accessible_update_state(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_STATE_HIDDEN, hidden, -1);
}

void guichet_set_accels(GtkApplication *app, const char *detailed_action, const char *accel) {
    const char *accels[] = {accel, NULL};
    gtk_application_set_accels_for_action(app, detailed_action, accels);
}

GtkWidget *guichet_message_dialog_new(GtkWindow *parent, GtkMessageType type,
                                      GtkButtonsType buttons, const char *primary,
                                      const char *secondary) {
    GtkWidget *dialog = gtk_message_dialog_new(parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                               type, buttons, "%s", primary);
    if (secondary != NULL && secondary[0] != '\0') {
        gtk_message_dialog_format_secondary_text(GTK_MESSAGE_DIALOG(dialog), "%s", secondary);
    }
    return dialog;
}

GtkFileChooserNative *guichet_file_chooser_new(GtkWindow *parent, const char *title,
                                               GtkFileChooserAction action, const char *accept,
                                               const char *cancel) {
    return gtk_file_chooser_native_new(title, parent, action, accept, cancel);
}

char *guichet_file_chooser_path(GtkFileChooserNative *chooser) {
    GFile *file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(chooser));
    if (file == NULL) return NULL;
    char *path = g_file_get_path(file);
    g_object_unref(file);
    return path;
}

void guichet_file_chooser_set_current_folder(GtkFileChooserNative *chooser, const char *path) {
    GFile *folder = g_file_new_for_path(path);
    gtk_file_chooser_set_current_folder(GTK_FILE_CHOOSER(chooser), folder, NULL);
    g_object_unref(folder);
}

void guichet_file_chooser_add_pattern_filter(GtkFileChooserNative *chooser, const char *name,
                                             const char *pattern) {
    GtkFileFilter *filter = gtk_file_filter_new();
    gtk_file_filter_set_name(filter, name);
    gtk_file_filter_add_pattern(filter, pattern);
    gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser), filter);
    g_object_unref(filter);
}

gboolean guichet_widget_save_png(GtkWidget *widget, const char *path) {
    GtkNative *native = gtk_widget_get_native(widget);
    if (native == NULL) return FALSE;
    GskRenderer *renderer = gtk_native_get_renderer(native);
    int width = gtk_widget_get_width(widget);
    int height = gtk_widget_get_height(widget);
    if (renderer == NULL || width <= 0 || height <= 0) return FALSE;
    GdkPaintable *paintable = gtk_widget_paintable_new(widget);
    GtkSnapshot *snapshot = gtk_snapshot_new();
    gdk_paintable_snapshot(paintable, GDK_SNAPSHOT(snapshot), width, height);
    GskRenderNode *node = gtk_snapshot_free_to_node(snapshot);
    gboolean saved = FALSE;
    if (node != NULL) {
        graphene_rect_t bounds = GRAPHENE_RECT_INIT(0, 0, width, height);
        GdkTexture *texture = gsk_renderer_render_texture(renderer, node, &bounds);
        saved = gdk_texture_save_to_png(texture, path);
        g_object_unref(texture);
        gsk_render_node_unref(node);
    }
    g_object_unref(paintable);
    return saved;
}

// MARK: lazy row model

struct _GuichetRow {
    GObject parent_instance;
    guint index;
};
G_DEFINE_FINAL_TYPE(GuichetRow, guichet_row, G_TYPE_OBJECT)
static void guichet_row_class_init(GuichetRowClass *klass) { (void)klass; }
static void guichet_row_init(GuichetRow *self) { self->index = 0; }

gint guichet_row_get_index(gpointer item) {
    if (item == NULL || !GUICHET_IS_ROW(item)) return -1;
    return (gint)GUICHET_ROW(item)->index;
}

struct _GuichetRowModel {
    GObject parent_instance;
    guint n_items;
};

static GType guichet_row_model_get_item_type(GListModel *list) {
    (void)list;
    return GUICHET_TYPE_ROW;
}

static guint guichet_row_model_list_n_items(GListModel *list) {
    return GUICHET_ROW_MODEL(list)->n_items;
}

// Items are made on demand: the views keep only the visible ones alive.
static gpointer guichet_row_model_get_item(GListModel *list, guint position) {
    if (position >= GUICHET_ROW_MODEL(list)->n_items) return NULL;
    GuichetRow *row = g_object_new(GUICHET_TYPE_ROW, NULL);
    row->index = position;
    return row;
}

static void guichet_row_model_list_init(GListModelInterface *iface) {
    iface->get_item_type = guichet_row_model_get_item_type;
    iface->get_n_items = guichet_row_model_list_n_items;
    iface->get_item = guichet_row_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE(GuichetRowModel, guichet_row_model, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, guichet_row_model_list_init))
static void guichet_row_model_class_init(GuichetRowModelClass *klass) { (void)klass; }
static void guichet_row_model_init(GuichetRowModel *self) { self->n_items = 0; }

GuichetRowModel *guichet_row_model_new(void) {
    return g_object_new(GUICHET_TYPE_ROW_MODEL, NULL);
}

// Rows are index-based, so rows below both counts are the same rows: only the count difference
// is announced, GTK keeps those row widgets and the caller refreshes their text itself.
void guichet_row_model_resize(GuichetRowModel *model, guint n) {
    guint old = model->n_items;
    if (old == n) return;
    model->n_items = n;
    if (n < old) g_list_model_items_changed(G_LIST_MODEL(model), n, old - n, 0);
    else g_list_model_items_changed(G_LIST_MODEL(model), old, 0, n - old);
}

guint guichet_row_model_get_n_items(GuichetRowModel *model) { return model->n_items; }

// MARK: column view sorting probe
// The view's sorter compares with the primary column's sorter first and inverts the result
// when that column sorts descending. Each probe sorter answers "smaller" and records its
// column, so one comparison tells which column is primary and in which direction.

static gint guichet_probe_last_column = -1;

static int guichet_probe_compare(gconstpointer a, gconstpointer b, gpointer user_data) {
    (void)a;
    (void)b;
    if (guichet_probe_last_column < 0) guichet_probe_last_column = GPOINTER_TO_INT(user_data) - 1;
    return GTK_ORDERING_SMALLER;
}

GtkSorter *guichet_column_probe_sorter_new(guint column_index) {
    return GTK_SORTER(gtk_custom_sorter_new(guichet_probe_compare,
                                            GINT_TO_POINTER((gint)column_index + 1), NULL));
}

gint guichet_column_view_sort_column(GtkColumnView *view, gboolean *descending) {
    GtkSorter *sorter = gtk_column_view_get_sorter(view);
    *descending = FALSE;
    if (sorter == NULL) return -1;
    GObject *a = g_object_new(GUICHET_TYPE_ROW, NULL);
    GObject *b = g_object_new(GUICHET_TYPE_ROW, NULL);
    guichet_probe_last_column = -1;
    GtkOrdering order = gtk_sorter_compare(sorter, a, b);
    gint column = guichet_probe_last_column;
    guichet_probe_last_column = -1;
    g_object_unref(a);
    g_object_unref(b);
    if (order == GTK_ORDERING_EQUAL) return -1;
    *descending = (order == GTK_ORDERING_LARGER);
    return column;
}

// MARK: main-loop bridge
// On Linux libdispatch's main queue (the main actor's executor) is drained only by
// dispatch_main() or by a run loop calling these private entry points, which CoreFoundation
// uses. The handle is an eventfd that becomes readable when work is queued.

typedef int (*guichet_get_handle_fn)(void);
typedef void (*guichet_drain_fn)(void *);
static guichet_drain_fn guichet_drain_main_queue = NULL;
static guint guichet_bridge_source = 0;

static gboolean guichet_dispatch_ready(gint fd, GIOCondition condition, gpointer data) {
    (void)condition;
    (void)data;
    uint64_t count;
    // Reset the eventfd first, or the source stays readable and GLib spins.
    ssize_t ignored = read(fd, &count, sizeof count);
    (void)ignored;
    guichet_drain_main_queue(NULL);
    return G_SOURCE_CONTINUE;
}

gboolean guichet_install_dispatch_bridge(void) {
    if (guichet_bridge_source != 0) return TRUE;
    guichet_get_handle_fn get_handle =
        (guichet_get_handle_fn)dlsym(RTLD_DEFAULT, "_dispatch_get_main_queue_handle_4CF");
    guichet_drain_main_queue =
        (guichet_drain_fn)dlsym(RTLD_DEFAULT, "_dispatch_main_queue_callback_4CF");
    if (get_handle == NULL || guichet_drain_main_queue == NULL) return FALSE;
    int fd = get_handle();
    if (fd < 0) return FALSE;
    guichet_bridge_source = g_unix_fd_add(fd, G_IO_IN, guichet_dispatch_ready, NULL);
    return TRUE;
}

// MARK: widgets the window's layout and forms need

static gboolean guichet_inscription_query_tooltip(GtkWidget *widget, int x, int y, gboolean keyboard,
                                                  GtkTooltip *tooltip, gpointer data) {
    (void)x; (void)y; (void)keyboard; (void)data;
    const char *text = gtk_inscription_get_text(GTK_INSCRIPTION(widget));
    if (text == NULL || *text == '\0') return FALSE;
    if (guichet_text_width(widget, text) <= gtk_widget_get_width(widget)) return FALSE;
    gtk_tooltip_set_text(tooltip, text);
    return TRUE;
}

void guichet_inscription_tooltip_when_truncated(GtkWidget *inscription) {
    gtk_widget_set_has_tooltip(inscription, TRUE);
    g_signal_connect(inscription, "query-tooltip", G_CALLBACK(guichet_inscription_query_tooltip), NULL);
}

int guichet_text_width(GtkWidget *widget, const char *text) {
    PangoLayout *layout = gtk_widget_create_pango_layout(widget, text);
    int width = 0, height = 0;
    pango_layout_get_pixel_size(layout, &width, &height);
    g_object_unref(layout);
    return width;
}

void guichet_calendar_select_day(GtkCalendar *calendar, int year, int month, int day) {
    GDateTime *date = g_date_time_new_local(year, month, day, 12, 0, 0);
    if (date == NULL) return;
    gtk_calendar_select_day(calendar, date);
    g_date_time_unref(date);
}

void guichet_calendar_get_day(GtkCalendar *calendar, int *year, int *month, int *day) {
    GDateTime *date = gtk_calendar_get_date(calendar);
    g_date_time_get_ymd(date, year, month, day);
    g_date_time_unref(date);
}

typedef struct {
    GuichetChosenHandler chosen;
    gpointer box;
    GClosureNotify release;
} GuichetCompletionData;

static gboolean guichet_completion_match_all(GtkEntryCompletion *completion, const char *key, GtkTreeIter *iter,
                                             gpointer data) {
    (void)completion; (void)key; (void)iter; (void)data;
    return TRUE; // the caller gives only the items that match
}

static gboolean guichet_completion_selected(GtkEntryCompletion *completion, GtkTreeModel *model, GtkTreeIter *iter,
                                            gpointer user_data) {
    (void)completion;
    GuichetCompletionData *data = user_data;
    GtkTreePath *path = gtk_tree_model_get_path(model, iter);
    gint index = gtk_tree_path_get_indices(path)[0];
    gtk_tree_path_free(path);
    data->chosen(index, data->box);
    return TRUE; // the handler sets the entry's text itself
}

static void guichet_completion_data_free(gpointer user_data, GClosure *closure) {
    GuichetCompletionData *data = user_data;
    data->release(data->box, closure);
    g_free(data);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
GtkEntryCompletion *guichet_completion_new(GtkEntry *entry, GuichetChosenHandler chosen, gpointer box,
                                           GClosureNotify release) {
    GtkEntryCompletion *completion = gtk_entry_completion_new();
    GtkListStore *store = gtk_list_store_new(1, G_TYPE_STRING);
    gtk_entry_completion_set_model(completion, GTK_TREE_MODEL(store));
    g_object_unref(store);
    gtk_entry_completion_set_text_column(completion, 0);
    gtk_entry_completion_set_match_func(completion, guichet_completion_match_all, NULL, NULL);
    gtk_entry_completion_set_minimum_key_length(completion, 1);
    gtk_entry_completion_set_popup_completion(completion, TRUE);
    gtk_entry_completion_set_inline_completion(completion, FALSE);
    GuichetCompletionData *data = g_new0(GuichetCompletionData, 1);
    data->chosen = chosen;
    data->box = box;
    data->release = release;
    g_signal_connect_data(completion, "match-selected", G_CALLBACK(guichet_completion_selected), data,
                          guichet_completion_data_free, 0);
    gtk_entry_set_completion(entry, completion);
    g_object_unref(completion); // the entry holds it
    return completion;
}

void guichet_completion_set_items(GtkEntryCompletion *completion, const char *const *items, gint count) {
    GtkListStore *store = GTK_LIST_STORE(gtk_entry_completion_get_model(completion));
    gtk_list_store_clear(store);
    for (gint i = 0; i < count; i++) {
        GtkTreeIter iter;
        gtk_list_store_append(store, &iter);
        gtk_list_store_set(store, &iter, 0, items[i], -1);
    }
    if (count > 0) gtk_entry_completion_complete(completion);
}
G_GNUC_END_IGNORE_DEPRECATIONS

gboolean guichet_open_path(const char *path, char **error_message) {
    GFile *file = g_file_new_for_path(path);
    char *uri = g_file_get_uri(file);
    g_object_unref(file);
    GError *error = NULL;
    gboolean ok = g_app_info_launch_default_for_uri(uri, NULL, &error);
    g_free(uri);
    if (!ok && error_message != NULL) *error_message = g_strdup(error ? error->message : "aucune application");
    if (error) g_error_free(error);
    return ok;
}

const char *guichet_documents_folder(void) {
    return g_get_user_special_dir(G_USER_DIRECTORY_DOCUMENTS);
}

void guichet_search_entry_set_placeholder(GtkWidget *entry, const char *text) {
    g_object_set(entry, "placeholder-text", text, NULL);
}
