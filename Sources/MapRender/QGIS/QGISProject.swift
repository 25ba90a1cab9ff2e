import Foundation
import GeoCore

/// A QGIS 3 project (.qgs) over GeoJSON files beside it: relative paths, the layers grouped as
/// the report's sections, each styled as the printed maps (`QGISStyle`), shown in a projected
/// CRS (EPSG:4547 for Guangming) while the files stay WGS 84 lon/lat.
public struct QGISProject: Sendable {
    /// One layer: a GeoJSON file beside the project.
    public struct Layer: Sendable {
        /// The file, relative to the project ("green-patches.geojson").
        public let path: String
        /// The name in the layers panel.
        public let title: String
        /// Its style and symbol type.
        public let style: QGISStyle
        /// The geometry type QGIS is told (Point, LineString, Polygon).
        public let geometry: GeometryType
        /// Ticked when the project opens.
        public let visible: Bool

        /// Creates a project layer.
        public init(path: String, title: String, style: QGISStyle, geometry: GeometryType, visible: Bool = true) {
            self.path = path
            self.title = title
            self.style = style
            self.geometry = geometry
            self.visible = visible
        }

        /// The layer's id in the project: its file name, letters and digits only.
        var id: String {
            "gmgeo_" + String(path.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
        }
    }

    /// The project's title.
    public let title: String
    /// The CRS the map is drawn in.
    public let crs: CRS
    /// Groups of layers, top of the panel first; in each group the first layer is on top.
    public let groups: [(title: String, layers: [Layer])]

    /// Creates a project.
    public init(title: String, crs: CRS, groups: [(title: String, layers: [Layer])]) {
        self.title = title
        self.crs = crs
        self.groups = groups
    }

    /// The .qgs text.
    /// - Throws: `CRSError` when the CRS has no WKT (GCJ-02, BD-09).
    public func xml() throws -> String {
        let tree = groups.map { group in
            "<layer-tree-group name=\"\(QGISStyle.xml(group.title))\" checked=\"Qt::Checked\" expanded=\"1\"><customproperties/>"
                + group.layers.map { l in
                    "<layer-tree-layer id=\"\(l.id)\" name=\"\(QGISStyle.xml(l.title))\" source=\"./\(QGISStyle.xml(l.path))\" providerKey=\"ogr\" checked=\"\(l.visible ? "Qt::Checked" : "Qt::Unchecked")\" expanded=\"1\"><customproperties/></layer-tree-layer>"
                }.joined() + "</layer-tree-group>"
        }.joined(separator: "\n")
        // QGIS reads a CRS from its WKT (an authority id alone it ignores without its own srsid),
        // and the project's only where ProjectionsEnabled is set.
        let layerCRS = try QGISProject.spatialRefSys(.wgs84, tag: "srs")
        let layers = groups.flatMap(\.layers).map { l -> String in
            let (geometry, wkb) = QGISProject.geometryNames(l.geometry)
            return """
            <maplayer type="vector" geometry="\(geometry)" wkbType="\(wkb)" labelsEnabled="\(l.style.style.labelField == nil ? 0 : 1)" readOnly="0" autoRefreshEnabled="0" styleCategories="AllStyleCategories">
            <id>\(l.id)</id>
            <datasource>./\(QGISStyle.xml(l.path))</datasource>
            <layername>\(QGISStyle.xml(l.title))</layername>
            \(layerCRS)
            <provider encoding="UTF-8">ogr</provider>
            \(l.style.renderer)
            \(l.style.labeling)
            <layerOpacity>\(QGISStyle.number(l.style.style.opacity))</layerOpacity>
            </maplayer>
            """
        }.joined(separator: "\n")
        return """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis projectname="\(QGISStyle.xml(title))" version="3.22.16">
        <title>\(QGISStyle.xml(title))</title>
        \(try QGISProject.spatialRefSys(crs, tag: "projectCrs"))
        <layer-tree-group><customproperties/>
        \(tree)
        </layer-tree-group>
        <projectlayers>
        \(layers)
        </projectlayers>
        <properties><Paths><Absolute type="bool">false</Absolute></Paths><SpatialRefSys><ProjectionsEnabled type="int">1</ProjectionsEnabled></SpatialRefSys></properties>
        </qgis>

        """
    }

    /// A CRS element as QGIS writes it: WKT, authority id and name.
    static func spatialRefSys(_ crs: CRS, tag: String) throws -> String {
        let authority = crs.epsgCode.map { "<authid>EPSG:\($0)</authid>" } ?? ""
        return "<\(tag)><spatialrefsys><wkt>\(QGISStyle.xml(try crs.wkt()))</wkt>\(authority)<description>\(QGISStyle.xml(crs.name))</description></spatialrefsys></\(tag)>"
    }

    /// QGIS's geometry and WKB type names.
    static func geometryNames(_ type: GeometryType) -> (String, String) {
        switch type {
        case .point: return ("Point", "Point")
        case .multiPoint: return ("Point", "MultiPoint")
        case .lineString, .linearRing: return ("Line", "LineString")
        case .multiLineString: return ("Line", "MultiLineString")
        case .multiPolygon: return ("Polygon", "MultiPolygon")
        default: return ("Polygon", "Polygon")
        }
    }
}
