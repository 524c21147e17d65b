#pragma once
// C helpers Swift cannot express itself: GTK cast macros, typed g_signal_connect_data wrappers
// (one handler type per C signal signature), varargs calls, the lazy row list model and the
// bridge that drains libdispatch's main queue from the GLib main loop.
#include <gtk/gtk.h>

// MARK: casts (the GTK_* macros do not reach Swift)
static inline GObject *guichet_object(gpointer p) { return G_OBJECT(p); }
static inline GtkWidget *guichet_widget(gpointer p) { return GTK_WIDGET(p); }
static inline GtkWindow *guichet_window(gpointer p) { return GTK_WINDOW(p); }
static inline GtkLabel *guichet_label(gpointer p) { return GTK_LABEL(p); }
static inline GtkInscription *guichet_inscription(gpointer p) { return GTK_INSCRIPTION(p); }
static inline GtkEditable *guichet_editable(gpointer p) { return GTK_EDITABLE(p); }
static inline GtkButton *guichet_button(gpointer p) { return GTK_BUTTON(p); }
static inline GtkCheckButton *guichet_check_button(gpointer p) { return GTK_CHECK_BUTTON(p); }
static inline GtkDropDown *guichet_drop_down(gpointer p) { return GTK_DROP_DOWN(p); }
static inline GtkStack *guichet_stack(gpointer p) { return GTK_STACK(p); }
static inline GtkBox *guichet_box(gpointer p) { return GTK_BOX(p); }
static inline GtkListBox *guichet_list_box(gpointer p) { return GTK_LIST_BOX(p); }
static inline GtkListBoxRow *guichet_list_box_row(gpointer p) { return GTK_LIST_BOX_ROW(p); }
static inline GtkColumnView *guichet_column_view(gpointer p) { return GTK_COLUMN_VIEW(p); }
static inline GtkExpander *guichet_expander(gpointer p) { return GTK_EXPANDER(p); }
static inline GtkOverlay *guichet_overlay(gpointer p) { return GTK_OVERLAY(p); }
static inline GtkListItem *guichet_list_item(gpointer p) { return GTK_LIST_ITEM(p); }
static inline GtkApplication *guichet_application(gpointer p) { return GTK_APPLICATION(p); }
static inline GApplication *guichet_g_application(gpointer p) { return G_APPLICATION(p); }
static inline GActionMap *guichet_action_map(gpointer p) { return G_ACTION_MAP(p); }
static inline GListModel *guichet_list_model(gpointer p) { return G_LIST_MODEL(p); }
static inline GtkSelectionModel *guichet_selection_model(gpointer p) { return GTK_SELECTION_MODEL(p); }
static inline GtkNativeDialog *guichet_native_dialog(gpointer p) { return GTK_NATIVE_DIALOG(p); }
static inline GtkFileChooser *guichet_file_chooser(gpointer p) { return GTK_FILE_CHOOSER(p); }
static inline GtkDialog *guichet_dialog(gpointer p) { return GTK_DIALOG(p); }
static inline GtkMessageDialog *guichet_message_dialog(gpointer p) { return GTK_MESSAGE_DIALOG(p); }
static inline GtkScrolledWindow *guichet_scrolled_window(gpointer p) { return GTK_SCROLLED_WINDOW(p); }
static inline GtkSearchEntry *guichet_search_entry(gpointer p) { return GTK_SEARCH_ENTRY(p); }
static inline GtkPrintOperation *guichet_print_operation(gpointer p) { return GTK_PRINT_OPERATION(p); }
static inline gboolean guichet_is_widget(gpointer p) { return GTK_IS_WIDGET(p); }
static inline gboolean guichet_is_editable(gpointer p) { return GTK_IS_EDITABLE(p); }
static inline gboolean guichet_is_window(gpointer p) { return GTK_IS_WINDOW(p); }
static inline GType guichet_object_type(gpointer p) { return G_OBJECT_TYPE(p); }
static inline gboolean guichet_is_a(gpointer p, GType type) { return G_TYPE_CHECK_INSTANCE_TYPE(p, type); }

// MARK: signals. The box is passed retained; `release` (GLib's destroy notify) drops it once.
// Each handler typedef is one C signal signature; connecting a handler of the wrong arity
// to a signal crashes, so each wrapper names the signals it is for.

/// void (*)(GObject *self, gpointer box): clicked, activate, changed, destroy, toggled, ...
typedef void (*GuichetVoidHandler)(gpointer self, gpointer box);
/// void (*)(GObject *self, gpointer arg, gpointer box): GSimpleAction::activate (GVariant *),
/// notify::prop (GParamSpec *), GtkListBox::row-selected (GtkListBoxRow *),
/// GtkSignalListItemFactory::setup/bind/unbind/teardown (GtkListItem *).
typedef void (*GuichetPointerHandler)(gpointer self, gpointer arg, gpointer box);
/// gboolean (*)(GtkWindow *self, gpointer box): GtkWindow::close-request.
typedef gboolean (*GuichetBoolHandler)(gpointer self, gpointer box);
/// void (*)(GObject *self, gint value, gpointer box): GtkDialog/GtkNativeDialog::response.
typedef void (*GuichetIntHandler)(gpointer self, gint value, gpointer box);
/// void (*)(GObject *self, guint value, gpointer box): GtkColumnView::activate (position).
typedef void (*GuichetUIntHandler)(gpointer self, guint value, gpointer box);
/// gboolean (*)(GtkEventControllerKey *, guint keyval, guint keycode, GdkModifierType, gpointer).
typedef gboolean (*GuichetKeyHandler)(gpointer self, guint keyval, guint keycode,
                                      GdkModifierType state, gpointer box);
/// void (*)(GListModel *, guint position, guint removed, guint added, gpointer): items-changed.
typedef void (*GuichetItemsChangedHandler)(gpointer self, guint position, guint removed,
                                           guint added, gpointer box);
/// gboolean (*)(GtkEventControllerScroll *, double dx, double dy, gpointer): scroll.
typedef gboolean (*GuichetScrollHandler)(gpointer self, double dx, double dy, gpointer box);
/// void (*)(GtkDrawingArea *, int width, int height, gpointer): resize.
typedef void (*GuichetSizeHandler)(gpointer self, gint width, gint height, gpointer box);
/// void (*)(GObject *self, gpointer arg, gint value, gpointer box):
/// GtkPrintOperation::draw-page (GtkPrintContext *, page number).
typedef void (*GuichetPointerIntHandler)(gpointer self, gpointer arg, gint value, gpointer box);

gulong guichet_connect_void(gpointer instance, const gchar *signal, GuichetVoidHandler handler,
                            gpointer box, GClosureNotify release);
gulong guichet_connect_pointer(gpointer instance, const gchar *signal,
                               GuichetPointerHandler handler, gpointer box, GClosureNotify release);
gulong guichet_connect_bool(gpointer instance, const gchar *signal, GuichetBoolHandler handler,
                            gpointer box, GClosureNotify release);
gulong guichet_connect_int(gpointer instance, const gchar *signal, GuichetIntHandler handler,
                           gpointer box, GClosureNotify release);
gulong guichet_connect_uint(gpointer instance, const gchar *signal, GuichetUIntHandler handler,
                            gpointer box, GClosureNotify release);
gulong guichet_connect_key(gpointer instance, const gchar *signal, GuichetKeyHandler handler,
                           gpointer box, GClosureNotify release);
gulong guichet_connect_items_changed(gpointer instance, const gchar *signal,
                                     GuichetItemsChangedHandler handler, gpointer box,
                                     GClosureNotify release);
gulong guichet_connect_scroll(gpointer instance, const gchar *signal, GuichetScrollHandler handler,
                              gpointer box, GClosureNotify release);
gulong guichet_connect_size(gpointer instance, const gchar *signal, GuichetSizeHandler handler,
                            gpointer box, GClosureNotify release);
gulong guichet_connect_pointer_int(gpointer instance, const gchar *signal, GuichetPointerIntHandler handler,
                                   gpointer box, GClosureNotify release);

/// Emits a signal without arguments or return value (e.g. "clicked"), as GTK would.
void guichet_emit_void(gpointer instance, const gchar *signal);
/// Emits GtkEventControllerKey::key-pressed and returns whether a handler took the key.
gboolean guichet_emit_key_pressed(gpointer controller, guint keyval, guint keycode,
                                  GdkModifierType state);

// MARK: varargs and small conveniences
void guichet_accessible_set_label(GtkWidget *widget, const char *label);
void guichet_accessible_set_description(GtkWidget *widget, const char *description);
void guichet_accessible_set_hidden(GtkWidget *widget, gboolean hidden);
void guichet_set_accels(GtkApplication *app, const char *detailed_action, const char *accel);
GtkWidget *guichet_message_dialog_new(GtkWindow *parent, GtkMessageType type,
                                      GtkButtonsType buttons, const char *primary,
                                      const char *secondary);
GtkFileChooserNative *guichet_file_chooser_new(GtkWindow *parent, const char *title,
                                               GtkFileChooserAction action, const char *accept,
                                               const char *cancel);
/// Path of the chooser's selected file (g_free it), or NULL.
char *guichet_file_chooser_path(GtkFileChooserNative *chooser);
void guichet_file_chooser_set_current_folder(GtkFileChooserNative *chooser, const char *path);
void guichet_file_chooser_add_pattern_filter(GtkFileChooserNative *chooser, const char *name,
                                             const char *pattern);

/// Renders a realized, mapped widget as it is on screen into a PNG file; FALSE on failure.
gboolean guichet_widget_save_png(GtkWidget *widget, const char *path);

// MARK: lazy row model
// `GuichetRowModel` implements GListModel over row indices only: its items are tiny
// `GuichetRow` objects carrying an index. Swift owns the data (a query result) and says how
// many rows there are; cells are fetched on bind. Sorting and filtering happen in the data
// source, so the model never holds more than a count.
#define GUICHET_TYPE_ROW (guichet_row_get_type())
G_DECLARE_FINAL_TYPE(GuichetRow, guichet_row, GUICHET, ROW, GObject)
#define GUICHET_TYPE_ROW_MODEL (guichet_row_model_get_type())
G_DECLARE_FINAL_TYPE(GuichetRowModel, guichet_row_model, GUICHET, ROW_MODEL, GObject)

GuichetRowModel *guichet_row_model_new(void);
/// Sets the count to `n` and announces only the difference (rows removed from or added at the
/// end): rows below both counts keep their items, so their bound text must be refreshed.
void guichet_row_model_resize(GuichetRowModel *model, guint n);
guint guichet_row_model_get_n_items(GuichetRowModel *model);
/// Row index of an item of the model, or -1 when `item` is not a GuichetRow.
gint guichet_row_get_index(gpointer item);

// MARK: column view sorting (GTK 4.8 has no gtk_column_view_sorter_get_primary_sort_column)
/// A sorter for a column, used only to make the header clickable; the real sort is SQL.
GtkSorter *guichet_column_probe_sorter_new(guint column_index);
/// The column the view's sorter sorts by (index given to the probe sorter) or -1 when unsorted;
/// `descending` receives the direction.
gint guichet_column_view_sort_column(GtkColumnView *view, gboolean *descending);

// MARK: main-loop bridge
/// Adds a GLib fd source on libdispatch's main-queue handle to the default main context, so
/// that work queued on the main actor runs while a GLib loop blocks the main thread.
/// Idempotent. Returns FALSE when the private libdispatch entry points are missing.
gboolean guichet_install_dispatch_bridge(void);

// MARK: widgets the window's layout and forms need
static inline GtkPaned *guichet_paned(gpointer p) { return GTK_PANED(p); }
static inline GtkRevealer *guichet_revealer(gpointer p) { return GTK_REVEALER(p); }
static inline GtkMenuButton *guichet_menu_button(gpointer p) { return GTK_MENU_BUTTON(p); }
static inline GtkPopover *guichet_popover(gpointer p) { return GTK_POPOVER(p); }
static inline GtkCalendar *guichet_calendar(gpointer p) { return GTK_CALENDAR(p); }
static inline GtkEntry *guichet_entry(gpointer p) { return GTK_ENTRY(p); }
static inline GtkViewport *guichet_viewport(gpointer p) { return GTK_VIEWPORT(p); }

/// Shows the inscription's whole text as its tooltip when it does not fit its width (a
/// truncated list cell), and no tooltip otherwise.
void guichet_inscription_tooltip_when_truncated(GtkWidget *inscription);
/// Width in pixels of `text` in the widget's font (to size a column to its content).
int guichet_text_width(GtkWidget *widget, const char *text);

/// Selects a day of a GtkCalendar (GTK 4.8 takes a GDateTime).
void guichet_calendar_select_day(GtkCalendar *calendar, int year, int month, int day);
/// The day selected in a GtkCalendar, as year, month (1-12), day.
void guichet_calendar_get_day(GtkCalendar *calendar, int *year, int *month, int *day);

/// Entry completion over a list of texts the caller filters itself: every item given is shown
/// (no matching by GTK), and `chosen` gets the index of the item picked (a click or Enter).
typedef void (*GuichetChosenHandler)(gint index, gpointer box);
GtkEntryCompletion *guichet_completion_new(GtkEntry *entry, GuichetChosenHandler chosen, gpointer box,
                                           GClosureNotify release);
/// Replaces the items the completion shows, and pops its list up when there are some.
void guichet_completion_set_items(GtkEntryCompletion *completion, const char *const *items, gint count);

/// Opens a file or folder with the desktop's application for it (`file://` URI); FALSE with
/// a message in `error_message` (g_free it) when none could be launched.
gboolean guichet_open_path(const char *path, char **error_message);
/// The user's Documents folder (XDG), or NULL when not set.
const char *guichet_documents_folder(void);

/// Sets a GtkSearchEntry's placeholder text (a property without a setter in GTK 4.8).
void guichet_search_entry_set_placeholder(GtkWidget *entry, const char *text);
