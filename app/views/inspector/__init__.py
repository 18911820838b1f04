"""The matrix inspector: every operation of the chain rule as matrices, with shapes, transposes,
broadcasts and batch sums; the timeline of an epoch's operations; the network diagram; the gradient-check
and training-health panes.

One idea per file:
    notation       notebook names ↔ textbook symbols (pure Python)
    fmt            number formatting shared by cells and expansions (pure Python)
    plan           which matrices an operation shows, in what order, with which captions (pure Python)
    expansion      the scalar sum behind one result cell, with the actual numbers (pure Python)
    colors         sign/size colours and the highlight palette
    qt_util        palette fills; setText / setVisible that skip no-op calls
    matrix_view    MatrixCanvas: one painted matrix (numbers or heat map), its axes and highlights
    slot           MatrixBlock: a matrix with its name, shape, note (and a transposed operand's original)
    captions       shape captions, the shape check, wrapping, heat-map sizes
    equation       InspectorPane: the equation of the current operation
    equation_cells the cell expansion, selection and followed sample of InspectorPane
    timeline       TimelinePane: the operations of the epoch, grouped by phase
    diagram        DiagramPane: nodes and edges, weights or gradients, per-unit pictures (wiring, refresh)
    diagram_scene  the diagram's items built for a network: units, edges, badges, labels, picture layers
    diagram_items  EdgeLayer (all edges of one weight matrix) and the view
    diagram_values which numbers the diagram shows: parameters, gradients, the followed sample
    diagram_legend the diagram in words: legend, edge tooltip, the enlarged picture's note
    diagram_pictures  each unit's activation over the input plane, computed (engine.core.plane) and drawn
    unit_pictures  the pictures' colours (the boundary plot's) and PictureLayer, the item that draws them
    picture_popup  a unit's picture shown larger on hover
    gradcheck_pane GradcheckPane: manual vs autograd vs finite differences
    health_pane    HealthPane: start loss, update ratios, saturated or dead units
    fixtures       the notebook-xor and 2→64→64→64→3 spiral trainers used by tests, benchmarks and shots
    shots          offscreen screenshots (docs/inspector-*.png)
"""
