import CGtk
import CGtkShim
import Foundation
import GtkKit
import XCTest

final class WidgetHelperTests: GtkTestCase {
    func testEntryTextAndChanged() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let entry = Entry(placeholder: "Nom du bailleur")
            var changes = 0
            entry.onChanged { changes += 1 }
            entry.text = "Pas-de-Calais Habitat"
            XCTAssertEqual(entry.text, "Pas-de-Calais Habitat")
            XCTAssertEqual(changes, 1)
        }
    }

    func testEntryTrimmedAndTypedText() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let entry = Entry(placeholder: "Motif")
            XCTAssertNil(entry.typedText)
            entry.text = "   "
            XCTAssertEqual(entry.trimmedText, "")
            XCTAssertNil(entry.typedText, "spaces only: nothing typed")
            entry.text = "  dossier incomplet "
            XCTAssertEqual(entry.trimmedText, "dossier incomplet")
            XCTAssertEqual(entry.typedText, "dossier incomplet")
        }
    }

    func testDropDownItemsAndSelection() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let dropDown = DropDown(items: ["PLAI", "PLUS", "PLS"])
            XCTAssertEqual(dropDown.items, ["PLAI", "PLUS", "PLS"])
            var notified: [Int?] = []
            dropDown.onSelectionChanged { notified.append(dropDown.selectedIndex) }
            dropDown.selectedIndex = 2
            XCTAssertEqual(dropDown.selectedIndex, 2)
            XCTAssertEqual(notified, [2])
        }
    }

    func testCheckButtonToggles() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let check = CheckButton(label: "Logement vacant")
            var toggles = 0
            check.onToggled { toggles += 1 }
            check.isActive = true
            XCTAssertTrue(check.isActive)
            XCTAssertEqual(toggles, 1)
        }
    }

    func testConfirmDialogAnswersThroughAwait() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let answer = Answer()
            // Dialogs that earlier tests of the same process left open (the discard question of
            // the screens' tests, seen here under the full suite) are not this test's dialog.
            let before = Set(Self.toplevels())
            Task { @MainActor in
                answer.value = await MessageDialog.confirm(parent: nil, title: "Abandonner les modifications ?",
                                                           confirm: "Abandonner", destructive: true)
            }
            // Find the new dialog among the toplevels and press its second button (confirm).
            var dialog: UnsafeMutableRawPointer?
            XCTAssertTrue(MainLoop.iterate(timeout: 5) {
                dialog = Self.toplevels().first { !before.contains($0) && guichet_is_a($0, gtk_message_dialog_get_type()) != 0 }
                return dialog != nil
            })
            guard let dialog else { return }
            gtk_dialog_response(guichet_dialog(dialog), 1)
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { answer.value != nil })
            XCTAssertEqual(answer.value, true)
            XCTAssertFalse(Self.toplevels().contains(dialog), "the dialog destroys itself")
        }
    }

    func testUIDirectoryFromEnvironmentThenSourceTree() throws {
        let locator = UIFileLocator.guichet
        setenv("GUICHET_UI_DIR", "/chemin/explicite", 1)
        XCTAssertEqual(locator.directory(), "/chemin/explicite")
        unsetenv("GUICHET_UI_DIR")
        // Walking up from the test bundle (in .build) reaches the package's ui/ folder.
        let found = try XCTUnwrap(locator.directory())
        XCTAssertTrue(FileManager.default.fileExists(atPath: found + "/main-window.ui"))
        XCTAssertThrowsError(try locator.path(of: "absent.ui"))
    }

    @MainActor private static func toplevels() -> [UnsafeMutableRawPointer] {
        let list = gtk_window_get_toplevels()!
        return (0..<g_list_model_get_n_items(list)).compactMap { index in
            guard let item = g_list_model_get_item(list, index) else { return nil }
            g_object_unref(item)
            return item
        }
    }
}

@MainActor
private final class Answer {
    var value: Bool?
}
