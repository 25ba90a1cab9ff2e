#!/usr/bin/python3
"""Opens a gmgeo report's report.qgs headless with PyQGIS (Debian's python3-qgis) and checks
that QGIS sees what gmgeo meant: the project CRS, every layer valid with features, loaded from a
path inside the report folder, with the renderer type, classes and label field its .qml states
(fields that exist in the data, so no class silently falls back to the default symbol), grouped
as the report's sections. Each GeoJSON is also opened alone, as a planner dragging it into QGIS
would, and must pick up the same style from its .qml.

Usage: Scripts/check-qgis-project.py REPORT_FOLDER [--crs EPSG:4547] [--render map.png]
Prints one line per layer; exits 1 on any failure, 2 when PyQGIS is missing.
"""
import os
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (QgsApplication, QgsProject, QgsVectorLayer, QgsMapSettings, QgsMapRendererParallelJob,
                           QgsMapRendererSequentialJob)
    from qgis.PyQt.QtCore import QSize
except ImportError:
    print("check-qgis-project: PyQGIS is not installed (apt-get install python3-qgis)", file=sys.stderr)
    sys.exit(2)


def expected(qml_path):
    """Renderer type, classifying field, class count and label field the .qml states."""
    root = ET.parse(qml_path).getroot()
    renderer = root.find("renderer-v2")
    kind = renderer.get("type")
    classes = {"singleSymbol": 1, "categorizedSymbol": len(renderer.findall("categories/category")),
               "graduatedSymbol": len(renderer.findall("ranges/range"))}[kind]
    style = root.find("labeling/settings/text-style")
    return kind, renderer.get("attr"), classes, style.get("fieldName") if style is not None else None


def placed_labels(layer):
    """How many labels QGIS places when it draws the layer alone (a label setting QGIS reads
    but cannot use places none, silently)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsProject.instance().crs())
    settings.setOutputSize(QSize(1600, 1130))
    settings.setExtent(settings.fullExtent())
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    results = job.takeLabelingResults()
    return len(results.allLabels()) if results else 0


def check_layer(layer, qml_path, where):
    problems = []
    if not layer.isValid():
        return [f"{where}: layer not valid"]
    if layer.featureCount() <= 0:
        problems.append(f"{where}: no features")
    kind, attr, classes, label = expected(qml_path)
    renderer = layer.renderer()
    fields = layer.fields().names()
    if renderer.type() != kind:
        problems.append(f"{where}: renderer {renderer.type()}, the .qml says {kind}")
    if attr and attr not in fields:
        problems.append(f"{where}: classified by '{attr}', which the layer does not have ({', '.join(fields)})")
    got = {"singleSymbol": lambda: 1, "categorizedSymbol": lambda: len(renderer.categories()),
           "graduatedSymbol": lambda: len(renderer.ranges())}.get(renderer.type(), lambda: -1)()
    if got != classes:
        problems.append(f"{where}: {got} classes, the .qml has {classes}")
    if label:
        if not layer.labelsEnabled():
            problems.append(f"{where}: labels off, the .qml labels by {label}")
        elif label not in fields:
            problems.append(f"{where}: labelled by '{label}', which the layer does not have")
        elif placed_labels(layer) == 0:
            problems.append(f"{where}: labels on, but QGIS places none")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    folder = os.path.abspath(sys.argv[1])
    crs = sys.argv[sys.argv.index("--crs") + 1] if "--crs" in sys.argv else "EPSG:4547"
    render = sys.argv[sys.argv.index("--render") + 1] if "--render" in sys.argv else None
    app = QgsApplication([], False)
    app.initQgis()
    problems = []
    project = QgsProject.instance()
    if not project.read(os.path.join(folder, "report.qgs")):
        print(f"check-qgis-project: QGIS cannot read {folder}/report.qgs: {project.error()}", file=sys.stderr)
        sys.exit(1)
    if project.crs().authid() != crs:
        problems.append(f"project CRS {project.crs().authid()}, want {crs}")
    root = project.layerTreeRoot()
    groups = [g.name() for g in root.children()]
    layers = list(project.mapLayers().values())
    if not layers:
        problems.append("no layers")
    for layer in sorted(layers, key=lambda l: l.name()):
        source = os.path.realpath(layer.source().split("|")[0])
        if not source.startswith(folder + os.sep):
            problems.append(f"{layer.name()}: source {source} is outside the report folder")
            continue
        qml = source[: -len(".geojson")] + ".qml"
        found = check_layer(layer, qml, f"{layer.name()} (project)")
        # Alone, as a planner drags the file in: QGIS loads the .qml beside it by itself.
        alone = QgsVectorLayer(source, os.path.basename(source), "ogr")
        found += check_layer(alone, qml, f"{os.path.relpath(source, folder)} (alone)")
        problems += found
        print(f"{'FAIL' if found else 'ok  '} {os.path.relpath(source, folder)}: {layer.name()}, {layer.renderer().type()}, "
              f"{layer.featureCount()} features, labels {'on' if layer.labelsEnabled() else 'off'}")
    print(f"groups: {', '.join(groups)}; project CRS {project.crs().authid()}; {len(layers)} layers")
    if render:
        settings = QgsMapSettings()
        settings.setLayers([l for l in root.layerOrder() if root.findLayer(l.id()).isVisible()])
        settings.setDestinationCrs(project.crs())
        settings.setExtent(settings.fullExtent())
        settings.setOutputSize(QSize(1600, 1130))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        job.renderedImage().save(render, "png")
        print(f"rendered the visible layers to {render}")
    for p in problems:
        print("problem: " + p, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    # QGIS 3.22 can crash tearing down Python-owned layers at exit: the checks are done, so
    # leave without the teardown and report their outcome.
    os._exit(1 if problems else 0)


if __name__ == "__main__":
    main()
