"""Qt views: thin, no SQL, no algorithms. They call the store and core and redraw on Changes."""
