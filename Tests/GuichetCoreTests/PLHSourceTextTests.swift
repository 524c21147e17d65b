import Foundation
@testable import GuichetCore
import XCTest

/// The one-pass normalisation of the PLH's text gives what the rules say (tags to a space,
/// emphasis removed, white space folded), the same as the regular expressions it replaced.
final class PLHSourceTextTests: XCTestCase {
    /// The rules as they were written with regular expressions: the oracle.
    static func reference(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: "**", with: "")
        t = t.replacingOccurrences(of: #"\s*\^\{(\w+)\}"#, with: "$1", options: .regularExpression)
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func testTheWholePLHTextNormalisesAsTheRulesSay() {
        let text = PLHLedgerTests.sourceText
        XCTAssertEqual(PLHSourceText.normalise(text), Self.reference(text))
    }

    func testTagsEmphasisAndWhiteSpace() {
        let cases = [
            "  <td>Action 4</td>\t<td>**Produire**  des\u{00A0}logements</td>\n",
            "a <> b < c", "x<y", "***gras***", "*<b>*", "ligne\r\ncoupée", "<br/>", "",
            "1 000 € /\u{202F}logement", "le 1 ^{er} janvier", "x^{", "^{}",
        ]
        for text in cases { XCTAssertEqual(PLHSourceText.normalise(text), Self.reference(text), "« \(text) »") }
    }

    func testQuotesAndTitlesAreFoundAsTheyAreWritten() {
        let text = PLHSourceText("<p>RÉNOVER LE PARC\nPRIVÉ</p> **Objectif :** 5 000 € / logement")
        XCTAssertTrue(text.contains(quote: "Objectif : 5 000 € / logement"))
        XCTAssertFalse(text.contains(quote: "Objectif : 6 000 € / logement"))
        XCTAssertTrue(text.contains(title: "Rénover le parc privé"))
        XCTAssertFalse(text.contains(quote: "Rénover le parc privé"), "quotes keep their case")
        // A quote typed with a combining accent is the same text.
        XCTAssertTrue(text.contains(title: "Re\u{0301}nover le parc prive\u{0301}"))
        XCTAssertFalse(text.contains(quote: ""))
    }

    func testCalendarLabelsReadAcrossTheirMarksAndSuperscriptsAsPrinted() {
        let text = PLHSourceText("Levier\tx\n1.2 Mise en\t×\toeuvre\nau 1 ^{er} janvier")
        XCTAssertTrue(text.contains(calendarLabel: "1.2 Mise en oeuvre"))
        XCTAssertFalse(text.contains(quote: "1.2 Mise en oeuvre"), "quotes keep the marks")
        XCTAssertTrue(text.contains(quote: "au 1er janvier"))
    }
}
