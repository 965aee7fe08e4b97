"""Document-level evidence of synonym spinning: ``detect_spin(text) -> SpinReport`` (contract; thin for now)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PairEvidence", "SpinReport", "detect_spin"]


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Evidence that this document's spinner applied one pair (original -> spun)."""

    original: str
    spun: str
    spun_count: int
    original_count: int
    weight: float


@dataclass(frozen=True, slots=True)
class SpinReport:
    """``score`` in [0, 1]; ``spun`` is the detector's verdict; ``family`` is "huiwen", "heavy" or None."""

    score: float
    spun: bool
    family: str | None
    pairs: tuple[PairEvidence, ...]

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "spun": self.spun,
            "family": self.family,
            "pairs": [
                {"original": p.original, "spun": p.spun, "spun_count": p.spun_count,
                 "original_count": p.original_count, "weight": p.weight}
                for p in self.pairs
            ],
        }


def detect_spin(text: str) -> SpinReport:
    return SpinReport(0.0, False, None, ())
