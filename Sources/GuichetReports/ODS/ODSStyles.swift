/// Style names and the fixed XML parts of an OpenDocument spreadsheet.
enum ODSStyles {
    static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" \
    xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" \
    xmlns:xlink="http://www.w3.org/1999/xlink" \
    office:version="1.2"
    """

    static let headerBackground = "#1f3a5f"
    static let totalBackground = "#dde6f0"

    /// Cell style for a value, plain or in a total row.
    static func cellStyle(_ cell: ReportCell, total: Bool) -> String {
        let base: String
        switch cell {
        case .text, .empty: base = "ce_text"
        case .integer: base = "ce_int"
        case .money: base = "ce_money"
        case .percent: base = "ce_pct"
        case .rate: base = "ce_rate"
        case .date: base = "ce_date"
        }
        return total ? base + "_total" : base
    }

    static func columnStyle(width: Int) -> String { "co_\(width)" }

    /// Data styles (1 234 · 1 234,56 € · 35,1 % · 22/11/2026), column widths and cell styles.
    static func automaticStyles(columnWidths: Set<Int>) -> String {
        var s = "<office:automatic-styles>"
        s += """
        <number:number-style style:name="N_INT" number:language="fr" number:country="FR">\
        <number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>\
        </number:number-style>\
        <number:currency-style style:name="N_EUR" number:language="fr" number:country="FR">\
        <number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>\
        <number:text>\u{00A0}</number:text>\
        <number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol>\
        </number:currency-style>\
        <number:percentage-style style:name="N_PCT" number:language="fr" number:country="FR">\
        <number:number number:decimal-places="1" number:min-integer-digits="1"/>\
        <number:text>\u{00A0}%</number:text>\
        </number:percentage-style>\
        <number:percentage-style style:name="N_RATE" number:language="fr" number:country="FR">\
        <number:number number:decimal-places="2" number:min-integer-digits="1"/>\
        <number:text>\u{00A0}%</number:text>\
        </number:percentage-style>\
        <number:date-style style:name="N_DATE" number:language="fr" number:country="FR">\
        <number:day number:style="long"/><number:text>/</number:text>\
        <number:month number:style="long"/><number:text>/</number:text>\
        <number:year number:style="long"/>\
        </number:date-style>
        """
        for width in columnWidths.sorted() {
            // About 0.21 cm per average character plus a little padding.
            let cm = XMLText.decimal(Int64(width) * 21 + 30, scale: 2)
            s += "<style:style style:name=\"\(columnStyle(width: width))\" style:family=\"table-column\">"
            s += "<style:table-column-properties fo:break-before=\"auto\" style:column-width=\"\(cm)cm\"/></style:style>"
        }
        s += "<style:style style:name=\"ro_head\" style:family=\"table-row\">"
        s += "<style:table-row-properties style:row-height=\"0.6cm\" style:use-optimal-row-height=\"false\" fo:break-before=\"auto\"/></style:style>"
        s += """
        <style:style style:name="ce_head" style:family="table-cell" style:parent-style-name="Default">\
        <style:table-cell-properties fo:background-color="\(headerBackground)" style:vertical-align="middle" fo:wrap-option="wrap"/>\
        <style:paragraph-properties fo:text-align="center"/>\
        <style:text-properties fo:font-weight="bold" fo:color="#ffffff"/></style:style>
        """
        let kinds: [(String, String?, String)] = [
            ("ce_text", nil, "start"), ("ce_int", "N_INT", "end"), ("ce_money", "N_EUR", "end"),
            ("ce_pct", "N_PCT", "end"), ("ce_rate", "N_RATE", "end"), ("ce_date", "N_DATE", "center"),
        ]
        for (name, data, align) in kinds {
            let dataAttr = data.map { " style:data-style-name=\"\($0)\"" } ?? ""
            s += "<style:style style:name=\"\(name)\" style:family=\"table-cell\" style:parent-style-name=\"Default\"\(dataAttr)>"
            s += "<style:paragraph-properties fo:text-align=\"\(align)\"/></style:style>"
            s += "<style:style style:name=\"\(name)_total\" style:family=\"table-cell\" style:parent-style-name=\"Default\"\(dataAttr)>"
            s += "<style:table-cell-properties fo:background-color=\"\(totalBackground)\" fo:border-top=\"0.06pt solid #1f3a5f\"/>"
            s += "<style:paragraph-properties fo:text-align=\"\(align)\"/>"
            s += "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
        }
        return s + "</office:automatic-styles>"
    }

    static let styles = """
    <?xml version="1.0" encoding="UTF-8"?>
    <office:document-styles \(namespaces)><office:styles>\
    <style:default-style style:family="table-cell">\
    <style:text-properties fo:font-size="10pt" fo:language="fr" fo:country="FR"/>\
    </style:default-style>\
    <style:style style:name="Default" style:family="table-cell"/>\
    </office:styles></office:document-styles>
    """

    static let manifest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
     <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
     <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
     <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
     <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
    </manifest:manifest>
    """

    static func meta(title: String, subject: String, date: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces)><office:meta>\
        <meta:generator>Guichet Habitat</meta:generator>\
        <dc:title>\(XMLText.escaped(title))</dc:title>\
        <dc:subject>\(XMLText.escaped(subject))</dc:subject>\
        <dc:language>fr-FR</dc:language>\
        <meta:creation-date>\(date)T00:00:00</meta:creation-date>\
        </office:meta></office:document-meta>
        """
    }

    /// View settings freezing the header row of every sheet.
    static func settings(sheetNames: [String]) -> String {
        func item(_ name: String, _ type: String, _ value: String) -> String {
            "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
        }
        var tables = ""
        for name in sheetNames {
            tables += "<config:config-item-map-entry config:name=\"\(XMLText.escaped(name))\">"
            tables += item("HorizontalSplitMode", "short", "0") + item("VerticalSplitMode", "short", "2")
            tables += item("HorizontalSplitPosition", "int", "0") + item("VerticalSplitPosition", "int", "1")
            tables += item("ActiveSplitRange", "short", "2")
            tables += item("PositionLeft", "int", "0") + item("PositionRight", "int", "0")
            tables += item("PositionTop", "int", "0") + item("PositionBottom", "int", "1")
            tables += "</config:config-item-map-entry>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-settings \(namespaces)><office:settings>\
        <config:config-item-set config:name="ooo:view-settings">\
        <config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>\
        \(item("ViewId", "string", "view1"))\
        <config:config-item-map-named config:name="Tables">\(tables)</config:config-item-map-named>\
        \(item("ActiveTable", "string", XMLText.escaped(sheetNames.first ?? "")))\
        </config:config-item-map-entry></config:config-item-map-indexed>\
        </config:config-item-set></office:settings></office:document-settings>
        """
    }
}
