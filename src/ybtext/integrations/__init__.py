"""Recipes for corpus pipelines: Hugging Face ``datasets`` and Ray Data.

Neither library is imported by ``import ybtext``; ``ybtext.integrations.datasets`` needs no
third-party import at all, ``ybtext.integrations.ray`` imports nothing from Ray either (Ray calls
the mapper, the mapper does not call Ray).
"""
