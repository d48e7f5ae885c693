"""Reading and writing files: the import formats, reading their rows, the importer and the exporters."""
