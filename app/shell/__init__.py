"""The window around the views: main window, workspace modes and docks, the action registry, menus, files,
language, banner. Layers: app.shell imports app.views and app.state, never the other way round."""
