"""Document-level evidence of synonym spinning: ``detect_spin(text) -> SpinReport``.

The public face of the spin package's evidence (``ybtext.spin._evidence``, where the method is
described); its thresholds are ``ybtext.spin.policy.POLICY``.
"""

from __future__ import annotations

from .spin._evidence import (
    Analysis,
    PairEvidence,
    SpinReport,
    analyse,
    damped_weight,
    detect_spin,
    eligible,
)

__all__ = ["Analysis", "PairEvidence", "SpinReport", "analyse", "damped_weight", "detect_spin", "eligible"]
