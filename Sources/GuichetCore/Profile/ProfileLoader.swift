import Foundation

/// An error in a profile file, named by file and key path
/// (`capso/schemes.json: schemes[3].envelope : doit être ≥ 0`).
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ValidationError]
    public init(file: String, problems: [ValidationError]) { self.file = file; self.problems = problems }
    public var description: String {
        problems.map { "\(file) : \($0)" }.joined(separator: "\n")
    }
}

/// Reads a territory profile through a file-reading function, so the domain stays free of I/O:
/// storage or the command line hands it a function that reads from `data/territories`.
public struct ProfileLoader: Sendable {
    public typealias ReadFile = @Sendable (_ relativePath: String) throws -> Data

    let read: ReadFile
    public init(read: @escaping ReadFile) { self.read = read }

    /// Loads `<id>/territory.json` and every part it names; collects every problem of every file.
    public func load(territory id: String) throws -> TerritoryProfile {
        let manifestPath = "\(id)/territory.json"
        let manifest: TerritoryManifest = try decode(manifestPath)
        var problems: [ProfileError] = []
        if manifest.id != id {
            problems.append(ProfileError(file: manifestPath, problems: [ValidationError(field: "id", "« \(manifest.id) » ne correspond pas au dossier « \(id) »")]))
        }
        var profile = TerritoryProfile(manifest: manifest)
        func part<P: ProfilePart>(_ name: String, _: P.Type) -> P? {
            guard let rel = manifest.parts[name] else { return nil }
            let path = Self.resolve(rel, from: id)
            do { return try decode(path) } catch let e as ProfileError { problems.append(e); return nil } catch {
                problems.append(ProfileError(file: path, problems: [ValidationError(field: "", "\(error)")])); return nil
            }
        }
        profile.plh = part("plh", PLHProgramme.self)
        profile.schemes = part("schemes", SchemeCatalog.self)
        profile.cotation = part("cotation", CotationGrid.self)
        profile.landlords = part("landlords", LandlordsProfile.self)
        profile.programmeRules = part("programmeRules", ProgrammeRules.self)
        if let communes = part("communes", CommunesPart.self), let rel = manifest.parts["communes"] {
            let partFile = Self.resolve(rel, from: id)
            let folder = partFile.split(separator: "/").dropLast().joined(separator: "/")
            let path = Self.resolve(communes.cog, from: folder)
            do {
                let all = try COGCommune.parse(csv: String(decoding: try read(path), as: UTF8.self))
                profile.communes = all.filter { communes.epci.contains($0.epci) }
                if profile.communes.isEmpty {
                    problems.append(ProfileError(file: partFile, problems: [ValidationError(field: "epci", "aucune commune de ces EPCI dans \(path)")]))
                }
            } catch let error as ValidationError {
                problems.append(ProfileError(file: path, problems: [error]))
            } catch {
                problems.append(ProfileError(file: partFile, problems: [ValidationError(field: "cog", "liste des communes illisible ou absente (\(path))")]))
            }
        }
        profile.service = part("service", ServiceProfile.self)
        if let logo = profile.service?.logo, let rel = manifest.parts["service"] {
            let path = Self.resolve(Self.sibling(logo, of: rel), from: id)
            if let data = try? read(path), let svg = String(data: data, encoding: .utf8), svg.contains("<svg") {
                profile.service?.logoSVG = svg
            } else {
                problems.append(ProfileError(file: Self.resolve(rel, from: id), problems: [ValidationError(field: "logo", "fichier SVG illisible ou absent : \(path)")]))
            }
        }
        profile.plhActions = part("plhActions", PLHActionSheets.self)
        profile.communeGroups = part("communeGroups", CommuneGroups.self)
        problems += crossChecks(profile, manifestPath: manifestPath)
        if !problems.isEmpty {
            throw ProfileErrors(errors: problems)
        }
        return profile
    }

    /// Checks between parts: every scheme's PLH action exists; every quote of the PLH in the
    /// profile, every action title and the action sheets' words are found verbatim in the PLH's
    /// text when the PLH names it; every PLH action has its sheet and every sheet its action, the
    /// sheets' derived measures name known schemes.
    func crossChecks(_ p: TerritoryProfile, manifestPath: String) -> [ProfileError] {
        var out: [ProfileError] = []
        func file(_ part: String) -> String { p.manifest.parts[part].map { Self.resolve($0, from: p.id) } ?? manifestPath }
        if let schemes = p.schemes, let plh = p.plh {
            let problems = schemes.crossCheck(plh: plh)
            if !problems.isEmpty { out.append(ProfileError(file: file("schemes"), problems: problems)) }
        }
        if let sheets = p.plhActions {
            var problems: [ValidationError] = []
            if let plh = p.plh { problems += sheets.crossCheck(plh: plh) } else {
                problems.append(ValidationError(field: "", "les fiches actions demandent la partie « plh » du profil"))
            }
            if let schemes = p.schemes { problems += sheets.crossCheck(schemes: schemes) }
            if !problems.isEmpty { out.append(ProfileError(file: file("plhActions"), problems: problems)) }
        }
        if let document = p.plh?.sourceDocument {
            let plhFile = file("plh")
            let folder = plhFile.split(separator: "/").dropLast().joined(separator: "/")
            let path = Self.resolve(document, from: folder)
            guard let data = try? read(path) else {
                return out + [ProfileError(file: plhFile, problems: [ValidationError(field: "sourceDocument", "texte du PLH illisible ou absent (\(path))")])]
            }
            let text = PLHSourceText(String(decoding: data, as: UTF8.self))
            let problems = text.problems(in: p)
            for part in ["plh", "schemes", "plhActions"] {
                let errors = problems.filter { $0.part == part }.map(\.error)
                if !errors.isEmpty { out.append(ProfileError(file: file(part), problems: errors)) }
            }
        }
        return out
    }

    /// A file named relative to a part's file: `logo.svg` beside `../capso/service.json` → `../capso/logo.svg`.
    static func sibling(_ name: String, of partPath: String) -> String {
        guard let slash = partPath.lastIndex(of: "/") else { return name }
        return String(partPath[...slash]) + name
    }

    /// `../capso/plh.json` seen from `demo` → `capso/plh.json`; `../../communes/62.csv` seen from
    /// `capso` → `../communes/62.csv` (beside the territories folder, in the data folder).
    static func resolve(_ relative: String, from territory: String) -> String {
        var parts = territory.split(separator: "/").map(String.init)
        for piece in relative.split(separator: "/") {
            if piece == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    func decode<P: ProfilePart>(_ path: String) throws -> P {
        let data: Data
        do { data = try read(path) } catch {
            throw ProfileError(file: path, problems: [ValidationError(field: "", "fichier illisible ou absent")])
        }
        let value: P
        do {
            value = try JSONDecoder().decode(P.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw ProfileError(file: path, problems: [ValidationError(field: keyPath(ctx.codingPath + [key]), "clé obligatoire absente")])
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw ProfileError(file: path, problems: [ValidationError(field: keyPath(ctx.codingPath), "type de valeur inattendu (\(ctx.debugDescription))")])
        } catch let DecodingError.dataCorrupted(ctx) {
            throw ProfileError(file: path, problems: [ValidationError(field: keyPath(ctx.codingPath), ctx.codingPath.isEmpty ? "JSON invalide" : ctx.debugDescription)])
        }
        let problems = value.validate()
        if !problems.isEmpty { throw ProfileError(file: path, problems: problems) }
        return value
    }
}

/// Every problem found while loading a profile, file by file.
public struct ProfileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ProfileError]
    public init(errors: [ProfileError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
