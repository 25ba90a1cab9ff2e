import CGDAL
import Foundation

/// An OGR in-memory dataset built from features gmgeo read itself (CSV tables), so that
/// filters, summaries and streaming work on them as on any GDAL source.
enum MemoryDataset {
    /// A dataset with one layer, no CRS (the reader decides it), the table's fields and its
    /// features with their line numbers as ids.
    static func make(name: String, table: TableRows) throws -> GDALDatasetH {
        GDALEnvironment.resetError()
        guard let driver = GDALGetDriverByName("Memory"),
              let dataset = GDALCreate(driver, "", 0, 0, 0, GDT_Unknown, nil) else {
            throw IOError(.open, "cannot hold the table in memory: \(GDALEnvironment.lastError("GDAL failed"))", location: name)
        }
        guard let layer = GDALDatasetCreateLayer(dataset, name, nil, wkbUnknown, nil) else {
            GDALClose(dataset)
            throw IOError(.open, "cannot hold the table in memory: \(GDALEnvironment.lastError("GDAL failed"))", location: name)
        }
        for field in table.fields {
            guard let fd = OGR_Fld_Create(field.name, GDALBackend.ogrType(field.type)) else { continue }
            _ = OGR_L_CreateField(layer, fd, 1)
            OGR_Fld_Destroy(fd)
        }
        for feature in table.features {
            guard let f = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else { continue }
            defer { OGR_F_Destroy(f) }
            if let id = feature.id { OGR_F_SetFID(f, GIntBig(id)) }
            for (i, field) in table.fields.enumerated() { GDALBackend.set(f, Int32(i), feature[field.name]) }
            if let g = feature.geometry {
                do {
                    OGR_F_SetGeometryDirectly(f, try OGRGeometry.make(g))
                } catch {
                    GDALClose(dataset)
                    throw error
                }
            }
            guard OGR_L_CreateFeature(layer, f) == OGRERR_NONE else {
                let reason = GDALEnvironment.lastError("GDAL failed")
                GDALClose(dataset)
                throw IOError(.open, "cannot hold the table in memory: \(reason)", location: name)
            }
        }
        return dataset
    }
}
