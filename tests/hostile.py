"""Hostile text for the property tests: random unicode mixed with pieces of damaged real pages.

One generator, two drivers: :func:`hostile_text` takes anything with the methods of
``random.Random`` (``random``, ``randint``, ``choice``), so tests/test_properties.py draws from it
through Hypothesis (``st.randoms(use_true_random=False)``, which shrinks a failure) and
benchmarks/properties.py through ``random.Random(seed)`` (10,000 cases, reproducible).

Every piece below is written for these tests (no text copied from a page). The kinds of debris
follow what the pipeline meets: site notices and download boxes (boilerplate), page counters,
Traditional characters in Simplified text (script), spun forms (spin), punctuation debris,
year-bump digits, titles broken one word a line (layout), blank lines and full-width letters.
"""

from __future__ import annotations

# Site furniture: notices, download-box fields, contact lines, page counters.
FURNITURE = (
    "温馨提示：", "温馨提示:", "温馨提示：下载前请确认内容。",
    "本文档由用户上传，版权归属用户，本站只提供存储空间。", "本文档由用户上传",
    "网站客服：QQ 800123", "网站客服", "客服电话：400-800-1234",
    "第1页 共22页", "第 3 页", "共22页", "- 7 -", "第12页",
    "ID:4410295", "ID：88123", "大小:63KB", "大小：1.2MB", "页数:18页", "页数：5页",
    "格式:DOCX", "格式：PDF", "下载文档", "收藏 分享", "下载本文档", "举报",
    "免费预览已结束，剩余20页可下载查看", "版权说明：本站文档均由用户上传。",
)

# Traditional characters and phrases dropped into Simplified text.
TRADITIONAL = (
    "發展", "續", "經由過程", "這個問題", "續寫", "經濟發展", "麵", "說明", "後續",
    "與會者", "關於", "國際", "們", "頭髮", "乾燥", "資料", "個",
)

# Forms that spinning tools put in place of ordinary words.
SPUN = ("经由过程", "假设干", "效劳", "进展", "经由过程调研", "若干", "假设", "办事")

# Punctuation debris: curly quote leftovers, odd brackets, ASCII marks between Chinese.
PUNCT = ("〞", "〝", "〔", "〕", "〔〕", ",", ".", "，，", "。。", "、", ";", ":", "?", "!",
         "（", "）", "(", ")", "“", "”", "……", "—", "·", "《", "》", "【", "】")

# Digits, year-bump debris, full-width letters and digits.
DIGITS = ("202223年", "2022年", "20212022年", "１２３", "12", "3.5%", "ＡＢＣ", "ＰＤＦ",
          "ｗｏｒｄ", "ABC", "Ｗｏｒｄ文档", "No.5", "壹", "第壹", "人民币壹万元")

# Titles broken one word a line, blank lines and other line debris.
LAYOUT = (
    "关于\n加强\n校园\n安全\n管理的\n通知", "年度\n工作\n总结", "实施\n方案",
    "\n", "\n\n", "\n\n\n", "\n\n\n\n\n\n\n", " ", "　", "\t", "\r\n", "  ", "\u200b", "\ufeff",
)

# Clean sentences, written for these tests.
CLEAN = (
    "今天上午，学校组织全体教师学习了新的课程标准。",
    "我们要把工作做细做实，确保每一项任务按时完成。",
    "这份报告分析了近三年的销售数据，并提出了改进建议。",
    "村里修好了那条土路，孩子们上学再也不用绕远了。",
    "会议由办公室主任主持，各部门负责人参加。",
    "春天来了，河边的柳树抽出了嫩绿的新芽。",
    "请同学们认真阅读以下材料，回答后面的问题。",
    "经过反复试验，研究小组终于找到了问题的原因。",
    "本方案自发布之日起施行。",
    "一、指导思想",
    "（二）主要任务",
)

KINDS = (FURNITURE, TRADITIONAL, SPUN, PUNCT, DIGITS, LAYOUT, CLEAN)

# Code point ranges for random characters: ASCII and control characters, Latin and combining
# marks, CJK punctuation and full-width forms, common and rare Han, astral Han (𠀀, 𪚥), emoji.
_RANGES = (
    (0x00, 0x7F), (0x80, 0x24F), (0x300, 0x36F), (0x2000, 0x206F), (0x3000, 0x303F),
    (0xFF00, 0xFFEF), (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x1F300, 0x1F64F),
    (0xE000, 0xE0FF), (0xFFF0, 0xFFFF),
)
_ASTRAL = ("𪚥", "𠀀", "𠮷", "😀")


def random_chars(rng, n: int) -> str:
    """``n`` random characters from :data:`_RANGES` (never a surrogate)."""
    out = []
    for _ in range(n):
        lo, hi = rng.choice(_RANGES)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def hostile_text(rng) -> str:
    """A document of 0 to 14 pieces: real-page debris, clean sentences and random characters,
    joined by nothing, a space or line breaks."""
    parts = []
    for _ in range(rng.randint(0, 14)):
        r = rng.random()
        if r < 0.12:
            piece = random_chars(rng, rng.randint(1, 6))
        elif r < 0.16:
            piece = rng.choice(_ASTRAL)
        else:
            piece = rng.choice(rng.choice(KINDS))
        parts.append(piece)
        parts.append(rng.choice(("", "", "", "\n", "\n", "\n\n", " ")))
    return "".join(parts)
