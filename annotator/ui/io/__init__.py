"""Articles in and out from the window: File ▸ Import articles… (also files dropped on the window) and
File ▸ Export….

Both dialogs call the same operations as the command line (``operations.import_corpus``,
``operations.export``) in a worker with their own connection to the project file; the import first
runs as a dry run to preview what it would add, and stores everything in one transaction or nothing.
"""
