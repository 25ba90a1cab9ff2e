import CPROJ

extension CRS {
    /// The CRS as OGC WKT (WKT2:2019), for files other programs read (a QGIS project).
    /// GCJ-02 and BD-09 have none: they are not CRSs PROJ or other programs know.
    /// - Throws: `CRSError.unknownCRS` for GCJ-02/BD-09 or when PROJ cannot write it.
    public func wkt() throws(CRSError) -> String {
        guard case .proj(let definition) = kind else {
            throw CRSError(.unknownCRS, message: "\(name) has no WKT: other programs do not know it; transform to WGS 84 first")
        }
        let context = ProjContext.current
        guard let pj = proj_create(context.handle, definition) else {
            throw CRSError(.unknownCRS, message: "'\(definition)': \(context.lastError("PROJ cannot read it"))")
        }
        let object = ProjObject(pj, context)
        guard let text = proj_as_wkt(context.handle, object.pj, PJ_WKT2_2019, nil) else {
            throw CRSError(.unknownCRS, message: "'\(definition)': \(context.lastError("PROJ cannot write it as WKT"))")
        }
        return String(cString: text)
    }
}
