"""The Qt window: thin views, no SQL, no algorithms; one package per feature.

``shell`` is the frame (application, main window, actions, workers) that composes the features:
``annotate``, ``suggestions``, ``search``, ``agreement``, ``curation``, ``consistency``, ``labels``
and ``team``.
Start the window with ``annotator.ui.shell.app.run_gui``.
"""
