"""Views for classifiers whose inputs are not a plane (the 8×8 digits): they take the decision boundary's
place (hooked into app/views/boundary_plot.py).

    panel.py          NonPlanarPanel: the tabs below, shown where the boundary cannot be drawn
    confusion_view.py ConfusionView: the K×K confusion matrix, true class by the network's answer
    misclassified.py  MisclassifiedGrid: every misclassified image, with its true and predicted digit
    unit_images.py    UnitImages: each hidden unit's first-layer weights (or their gradient) as an image
    images.py         numpy → QImage helpers shared by the image views
"""
