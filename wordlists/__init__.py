"""Data package: ybtext's shipped wordlists (UTF-8 TSV). Mapped into the wheel as ybtext.wordlists."""
