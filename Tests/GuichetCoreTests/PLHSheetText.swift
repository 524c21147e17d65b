import Foundation

/// The PLH's action sheets read from its text the way a reader finds them (headings, "Objectifs",
/// the "Leviers 2023 … 2028" calendar, "Maître d'ouvrage", "Partenaires", "Indicateurs de
/// résultat"), independently of the profile, so tests can compare the profile with the PLH.
struct PLHSheetText {
    struct Sheet {
        var number: Int
        /// The whole sheet, normalised.
        var section: String
        var objectives: String
        var indicators: String
        /// Bullets of the indicators block ("- ", " - ", "•"); a block without any counts one.
        var indicatorBullets: Int
        var owner: String
        var partners: String
        var levers: [(label: String, cells: [String])]
    }

    let sheets: [Sheet]

    static let url = RepoData.root.appendingPathComponent("data/territories/capso/sources/plh-capso-2023-2028-programme-actions.txt")
    static let shared = PLHSheetText(try! String(contentsOf: url, encoding: .utf8))

    /// Table markup and emphasis of the extraction removed ("1 ^{er}" is "1er"), white space folded.
    static func normalise(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: "**", with: "")
        t = t.replacingOccurrences(of: #"\s*\^\{(\w+)\}"#, with: "$1", options: .regularExpression)
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    init(_ text: String) {
        let body = text.components(separatedBy: "PREAMBULE")[1].components(separatedBy: "SYNTHESE FINANCIERE")[0]
        let lines = body.components(separatedBy: "\n")
        let heading = try! NSRegularExpression(pattern: #"^ACTION( N)?\s*°?\s*(\d+)\s*:"#)
        var starts: [(Int, Int)] = []
        for (i, l) in lines.enumerated() {
            let r = NSRange(l.startIndex..., in: l)
            if let m = heading.firstMatch(in: l, range: r), let n = Range(m.range(at: 2), in: l) { starts.append((i, Int(l[n])!)) }
        }
        sheets = starts.enumerated().map { k, start in
            let end = k + 1 < starts.count ? starts[k + 1].0 : lines.count
            return Self.sheet(number: start.1, lines: Array(lines[start.0..<end]))
        }
    }

    static func block(_ lines: [String], from start: String, to ends: [String]) -> [String] {
        guard let i = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(start) }) else { return [] }
        var out: [String] = []
        for l in lines[(i + 1)...] {
            let t = l.trimmingCharacters(in: .whitespaces)
            if ends.contains(where: { t.hasPrefix($0) }) { break }
            out.append(l)
        }
        return out
    }

    static func sheet(number: Int, lines: [String]) -> Sheet {
        let objectives = block(lines, from: "Objectifs", to: ["Outils et leviers"])
        let indicators = block(lines, from: "Indicateurs de résultat", to: ["Conditions de réussite"]).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var bullets = 0
        for l in indicators {
            // A bullet ending with ":" heads the sub-bullets under it: not an indicator itself.
            if (l.hasPrefix("- ") || l.hasPrefix(" - ")) && !l.trimmingCharacters(in: .whitespaces).hasSuffix(":") { bullets += 1 }
            bullets += l.filter { $0 == "•" }.count
        }
        if bullets == 0 { bullets = indicators.isEmpty ? 0 : 1 }
        // "Maître d'ouvrage" then its text, then "Partenaires" and theirs; or both in one table row.
        let i = lines.firstIndex { $0.hasPrefix("Maître d'ouvrage") }!
        let after = lines[(i + 1)...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let owner: String, partners: String
        if lines[i].contains("\t") {
            let cells = after.first!.components(separatedBy: "\t")
            owner = cells[0]; partners = cells[1]
        } else {
            owner = after[after.startIndex]
            partners = after[after.startIndex + 2]
        }
        var levers: [(String, [String])] = []
        var inCalendar = false
        for l in lines {
            if l.hasPrefix("Leviers\t2023") { inCalendar = true; continue }
            if l.trimmingCharacters(in: .whitespaces).hasPrefix("Indicateurs de résultat") { break }
            guard inCalendar, l.contains("\t"), !l.hasPrefix("---") else { continue }
            let cells = l.components(separatedBy: "\t")
            let years = Array(cells.dropFirst().prefix(6)).map { $0.trimmingCharacters(in: .whitespaces) }
            if years.allSatisfy(\.isEmpty), !levers.isEmpty {
                levers[levers.count - 1].0 += " " + cells[0].trimmingCharacters(in: .whitespaces)  // a label broken over two lines
            } else {
                levers.append((cells[0].trimmingCharacters(in: .whitespaces), years + Array(repeating: "", count: 6 - years.count)))
            }
        }
        return Sheet(number: number, section: normalise(lines.joined(separator: "\n")), objectives: normalise(objectives.joined(separator: "\n")),
                     indicators: normalise(indicators.joined(separator: "\n")), indicatorBullets: bullets,
                     owner: normalise(owner), partners: normalise(partners), levers: levers.map { (normalise($0.0), $0.1) })
    }

    func sheet(_ number: Int) -> Sheet? { sheets.first { $0.number == number } }

    /// What is left of a block once every given piece of text is taken out: bullets, punctuation
    /// and spaces only when the pieces cover it.
    static func leftover(_ block: String, removing pieces: [String]) -> String {
        var rest = block
        for p in pieces.map(normalise).sorted(by: { $0.count > $1.count }) {
            if let r = rest.range(of: p) { rest.replaceSubrange(r, with: " ") }
        }
        return rest.filter { $0.isLetter || $0.isNumber }
    }
}
