"""What the network answers over the boundary plot's G×G grid, as an image: binary: P(class 1), drawn with
the diverging map around 0.5; K classes: the class colours blended by probability (RGB); a regression over a
plane: its output scaled to the targets' range. Non-finite outputs are left blank."""

from __future__ import annotations

import numpy as np
import torch

from .boundary_colors import CLASS_COLOURS, _canvas, _pastel


def output_image(out: torch.Tensor, data, G: int, finite: bool) -> tuple[np.ndarray, tuple[float, float]]:
    """(image, levels) for ImageItem.setImage(autoLevels=False): (G, G) floats in [0, 1], or (G, G, 3) uint8.
    `out`: the network's output at the G·G grid points (rows in the grid's order)."""
    if data.task == "regression":
        v = out[:, 0].reshape(G, G).numpy()
        lo, hi = float(data.y.min()), float(data.y.max())
        img = (v - lo) / (hi - lo) if hi > lo else v * 0 + 0.5
        return img, (0.0, 1.0)
    if out.shape[1] == 1 or data.n_classes == 2:
        p = out[:, -1] if out.shape[1] > 1 else out[:, 0]
        return p.reshape(G, G).numpy(), (0.0, 1.0)
    K = out.shape[1]
    mixed = _pastel(CLASS_COLOURS[np.arange(K) % len(CLASS_COLOURS)], 0.45)  # (K, 3)
    colours = torch.from_numpy(mixed).to(out.dtype)
    rgb = (out.clamp(0, 1) @ colours).reshape(G, G, 3)  # probability-weighted class colours
    if not finite:  # not a number: no colour (the float maps above show NaN as blank by themselves)
        blank = torch.from_numpy(_canvas()).to(out.dtype).expand_as(rgb)
        rgb = torch.where(torch.isfinite(rgb), rgb, blank)
    return rgb.clamp_(0, 255).to(torch.uint8).numpy(), (0, 255)
