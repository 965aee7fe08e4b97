"""Site furniture for the boilerplate benchmark: what document-sharing sites wrap around a text.

CATALOG_SITES follow the entries of ../shared/samples/boilerplate-catalog.md (their fixed phrases
are the sites' own furniture; variable parts are filled in fresh). UNSEEN_SITES are invented sites
with other names and other wording, absent from the catalogue and from ybtext's wordlists, to
measure the generic rules. Each site: header lines, page furniture (inserted every few
paragraphs), inline watermarks (injected inside paragraphs) and footer lines. Fields in braces are
filled per document by :func:`wrap`.
"""

from __future__ import annotations

import random

_NOISE = "袂艿螂螈羆莁薅蚄羅蒃螁羃羄膃薃罿莅衿袅羂蒈羁薀蒄聿芀蚀羀莂膇莀蚃芆膅膂螄蚆螇芄肂膆蒁袈蚅"

CATALOG_SITES = [
    {"name": "汇文网 (1, 2)",
     "header": ["温馨提示:",
                "1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。",
                "2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。",
                "3. 下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载,若出现内容与标题不符可向本站投诉处理。",
                "4. 下载文档时可能由于网络波动等原因无法下载或下载错误,付费完成后未能成功下载的用户请联系客服处理。",
                "网站客服:{qq}",
                "分享", "{title}.docx", "下载文档", "ID:{id}", "大小:{kb}KB", "页数:{pages}页", "格式:DOCX",
                "时间:{date}", "收藏 分享赚钱"],
     "page": [], "inline": [], "footer": []},
    {"name": "人人文库 (5, 6)",
     "header": ["{title}_第1页", "已阅读5页,还剩{rest}页未读 继续免费阅读", "下载本文档",
                "版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领", "文档简介"],
     "page": ["{title}_第{n}页"], "inline": [], "footer": ["免费预览已结束,剩余{rest}页可下载查看"]},
    {"name": "原创力文档 (9, 10)",
     "header": ["- 1、本文档共{pages}页,可阅读全部内容。",
                "- 2、原创力文档(book118)网站文档一经付费(服务费),不意味着购买了该文档的版权,仅供个人/单位学习、研究之用,不得用于商业用途,未经授权,严禁复制、发行、汇编、翻译或者网络传播等,侵权必究。",
                "- 3、本站所有内容均由合作方或网友上传,本站不对文档的完整性、权威性及其观点立场正确性做任何保证或承诺!文档内容仅供研究参考,付费前请自行鉴别。",
                "- 4、如文档侵犯商业秘密、侵犯著作权、侵犯人身权等,请点击“版权申诉”(推荐),也可以打举报电话:400-050-0827(电话支持时间:9:00-18:30)。",
                "- 5、该文档为VIP文档,如果想要下载,成为VIP会员后,下载免费。",
                "{title}.docxVIP", "约1.{d1}万字 约 {pages}页 {date} 发布于广东 举报"],
     "page": ["第 PAGE {n} 页"], "inline": [], "footer": ["文档评论(0) 1亿VIP精品文档 相关文档", "查看更多"]},
    {"name": "163文库 (11)",
     "header": ["书签 分享 收藏 举报 版权申诉 / {pages} 上传文档赚钱",
                "上传人(卖家):{name} 文档编号:{id} 上传时间:{date} 格式:DOCX 页数:{pages} 大小:{kb}KB",
                "【下载声明】 1. 本站全部试题类文档,若标题没写含答案,则无答案;标题注明含答案的文档,主观题也可能无答案。请谨慎下单,一旦售出,不予退换。",
                "配套讲稿: 如PPT文件的首页显示word图标,表示该PPT已包含配套word讲稿。双击word图标可打开word文档。",
                "特殊限制: 部分文档作品中含有的国旗、国徽等图片,仅作为作品整体效果示例展示,禁止商用。设计者仅对作品中独创性部分享有著作权。",
                "关 键 词: {kw}", "资源描述:"],
     "page": [], "inline": [], "footer": []},
    {"name": "冰豆网 family (12, 13)",
     "header": ["上传人:{name} 文档编号:{id} 上传时间:{date} 格式:DOCX 页数:{pages} 大小:{kb}KB", "下载 相关 举报"],
     "page": ["{title}_第{n}页", "第{n}页 / 共{pages}页"], "inline": [],
     "footer": ["点击查看更多>>", "下载资源", "资源描述",
                "《{title}》由会员分享,可在线阅读,更多相关《{title}({pages}页珍藏版)》请在冰豆网上搜索。",
                "亲,该文档总共{pages}页,全部预览完了,如果喜欢就下载吧!"]},
    {"name": "淘文阁 (15, 36, 37)",
     "header": ["欢迎来到淘文阁 - 分享文档赚钱的网站! | 帮助中心 好文档才是您的得力助手!",
                "全部分类 • 研究报告> • 管理文献> • ImageVerifierCode 换一换",
                "首页 淘文阁 > 资源分类 > DOC文档下载",
                "• 资源ID:{id} 资源大小:{kb}KB 全文页数:{pages}页", "• 资源格式: DOCX 下载积分:{coins}金币",
                "快捷下载 游客一键下载 会员登录下载 微信登录下载 三方登录下载: 微信开放平台登录 QQ登录 二维码 微信扫一扫登录",
                "友情提示", "2、PDF文件下载后,可能会被浏览器默认打开,此种情况可以点击浏览器菜单,保存网页到桌面,就可以正常下载了。",
                "3、本站不支持迅雷下载,请使用电脑自带的IE浏览器,或者360浏览器、谷歌浏览器下载即可。"],
     "page": [], "inline": ["精品名师归纳总结资料word 精心总结归纳 - - - - - - - - - - - -",
                           "可编辑资料 - - - 欢迎下载精品名师归纳总结"],
     "footer": ["【精品文档】如有侵权,请联系网站删除,仅供学习与交流{title}.精品文档."]},
    {"name": "咨信网 (17, 39)",
     "header": ["资源描述"], "page": [], "inline": ["{n} 2020年4月19日 文档仅供参考"],
     "footer": ["《{title}》由会员分享,可在线阅读,更多相关《{title}({pages}页珍藏版)》请在咨信网上搜索。"]},
    {"name": "文客久久 / 淘豆网 (38, 48)",
     "header": ["精选优质文档-倾情为你奉上"], "page": ["{n} / {pages}"], "inline": [], "footer": []},
    {"name": "77范文网 (25)",
     "header": ["77范文网 - 专业文章范例文档资料分享平台", "来源:网络收集 时间:{date} 下载这篇文档 手机版"],
     "page": [], "inline": [],
     "footer": ["说明:文章内容仅供预览,部分内容可能不全,需要完整文档或者需要复制内容,请下载word后使用。下载word有问题请添加微信号:或QQ: 处理(尽可能给您提供完整文档),感谢您的支持与谅解。点击这里给我发消息"]},
    {"name": "公务员之家 lead-in, footers (28, 29, 33)",
     "header": ["导语:如何才能写好一篇{title},这就需要搜集整理更多的资料和文献,欢迎阅读由公务员之家整理的十篇范文,供你借鉴。"],
     "page": [], "inline": [],
     "footer": ["因篇幅问题不能全部显示,请点此查看更多更全内容",
                "特别声明 本文仅代表作者观点,不代表本站立场,本站仅提供信息存储服务。"]},
    {"name": "360docs / 人人文库 noise (18, 43)",
     "header": ["合集下载", "1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。",
                "2、\"仅部分预览\"的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款(可完整预览的文档不适用该条件!)。",
                "3、如文档侵犯您的权益,请联系客服反馈,我们会尽快为您处理(人工客服工作时间:9:00-18:30)。"],
     "page": [], "inline": ["{noise}"], "footer": []},
]

UNSEEN_SITES = [
    {"name": "墨香文库 (invented)",
     "header": ["墨香文库 - 海量文档免费下载 www.moxiangwk.com",
                "文档作者：{name}　上传时间：{date}　下载次数：{id}　所需积分：{coins}",
                "本文档为网友上传分享，版权归原作者所有，如有侵权请联系客服QQ：{qq}删除"],
     "page": ["墨香文库 | 专业文档分享平台", "— {n} —"],
     "inline": ["【墨香文库 www.moxiangwk.com 版权所有】"],
     "footer": ["更多精彩文档请关注微信公众号：墨香文库", "本文由墨香文库整理发布，转载请注明出处。"]},
    {"name": "知行资料网 (invented)",
     "header": ["知行资料网 >> 首页 >> 工作总结 >> {title}",
                "【资料编号】{id}  【页数】{pages}  【格式】DOC  【大小】{kb}KB",
                "提示：本资料仅供会员下载，开通VIP会员可免费下载全站资料"],
     "page": ["Page {n} of {pages}", "第 {n} 页，共 {pages} 页"],
     "inline": ["知行资料网，下载即可编辑"],
     "footer": ["扫码关注公众号，获取更多免费资料", "客服热线：400-{d3}-{d4}  客服邮箱：service@zhixingzl.net"]},
    {"name": "云帆文档 (invented)",
     "header": ["云帆文档 yunfan-doc.cn 让知识共享更简单",
                "上传者：{name}  浏览：{id}次  收藏：{n}  评分：4.5",
                "温馨提醒：本站文档均由用户自行上传，仅提供在线预览，下载需消耗积分"],
     "page": ["{title} - 第{n}页 - 云帆文档", "{n}/{pages}"],
     "inline": ["云帆文档 仅供学习交流使用"],
     "footer": ["下载本文档需要{coins}积分，您当前积分不足，请充值或完成任务获取积分", "举报 | 纠错 | 收藏本文"]},
    {"name": "书海范文网 (invented)",
     "header": ["书海范文网为您整理了以下关于{title}的范文，欢迎参考借鉴！"],
     "page": ["书海范文网 shuhaifw.com"],
     "inline": ["（本文来源于书海范文网，转载请保留出处）"],
     "footer": ["本文链接：https://www.shuhaifw.com/fanwen/{id}.html"]},
    {"name": "青橙题库 (invented)",
     "header": ["青橙题库 - 中小学试卷免费下载", "【下载说明】本资源为会员专享，普通用户每日可免费下载3次"],
     "page": ["青橙题库  第{n}页（共{pages}页）"],
     "inline": ["{noise}"],
     "footer": ["更多试题请访问青橙题库官网 www.qingchengtk.com"]},
]


def _fields(rng: random.Random, title: str, pages: int) -> dict:
    surname = rng.choice("王李张刘陈杨赵黄周吴")
    return {
        "title": title, "pages": pages, "rest": max(pages - 5, 1), "id": rng.randint(100000, 99999999),
        "kb": f"{rng.randint(12, 900)}.{rng.randint(10, 99)}", "qq": rng.randint(100000000, 3999999999),
        "date": f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "name": rng.choice([f"{surname}**", f"b****{rng.randint(1, 9)}", f"{surname}***", "C****o"]),
        "coins": rng.randint(2, 20), "d1": rng.randint(1, 9), "d3": rng.randint(100, 999),
        "d4": rng.randint(1000, 9999), "kw": " ".join(title[i:i + 2] for i in range(0, min(len(title), 8), 2)),
    }


def _fill(template: str, fields: dict, rng: random.Random, n: int) -> str:
    noise = "".join(rng.choice(_NOISE) for _ in range(rng.randint(20, 60)))
    return template.format(n=n, noise=noise, **fields)


def wrap(article: str, rng: random.Random, sites: list[dict]) -> tuple[str, str, int]:
    """(wrapped document, the body it contains, number of furniture characters inserted)."""
    from score import fold  # ../shared/bench/score.py, put on sys.path by the benchmark

    paragraphs = article.split("\n")
    site = rng.choice(sites)
    title = paragraphs[0][:30]
    pages = max(2, len(paragraphs) // 3 + rng.randint(0, 3))
    fields = _fields(rng, title, pages)
    furniture = 0
    out: list[str] = []

    def add(line: str) -> None:
        nonlocal furniture
        furniture += len(fold(line))
        out.append(line)

    for t in site["header"]:
        add(_fill(t, fields, rng, 1))
    every = rng.randint(2, 4)
    page = 1
    for k, para in enumerate(paragraphs):
        if site["inline"] and len(para) >= 40 and rng.random() < 0.35:
            cut = rng.randint(5, len(para) - 5)
            mark = _fill(rng.choice(site["inline"]), fields, rng, page)
            furniture += len(fold(mark))
            para = para[:cut] + mark + para[cut:]
        out.append(para)
        if site["page"] and k + 1 < len(paragraphs) and (k + 1) % every == 0:
            page += 1
            for t in site["page"]:
                add(_fill(t, fields, rng, page))
    for t in site["footer"]:
        add(_fill(t, fields, rng, page))
    return "\n".join(out), article, furniture


# Page furniture placed by position rather than by site words (the page-furniture issue): rows of
# tags and template fields under the title, the title repeated, login boxes, content-farm meta
# lines, WeChat-article furniture, a bracketed disclaimer glued to the first paragraph, stamps in
# sentences, preview-chunk numbers that cut words, spaces inside words and runs of blank lines.
# The title is the author's (part of the body); everything else inserted is furniture.
PAGE_SITES = [
    {"name": "汇文网 page (3, 4)", "copies": 2, "header": [],
     "after_title": ["{kwrow}", "编者：＿＿＿＿＿＿＿＿ 日 期：＿＿＿＿＿＿＿＿"], "chunks": True},
    {"name": "汇文网 mobile (3, 47)", "copies": 0, "header": [],
     "after_title": ["{kwlines}"], "chunks": True, "blank_run": True},
    {"name": "课桌文档 (15)", "copies": 0,
     "header": ["欢迎来到课桌文档! | 帮助中心 课桌文档-建筑工程资料库", "首页 | 资源分类 | 上传文档 | 会员中心",
                "全部分类 • 建筑施工> • 工程管理> • ImageVerifierCode 换一换", "账号:", "密码:", "验证码: 换一换",
                "忘记密码?"],
     "after_title": []},
    {"name": "content farm", "copies": 0, "header": [],
     "after_title": ["来源：未知 作者：{name}", "发布时间：{date} 10:{d2}  浏览次数：{id}"],
     "inline": ["（本文来源于网络，如有侵权请联系删除）"], "spaces": True, "blank_run": True},
    {"name": "WeChat news item", "copies": 0, "header": ["点击上方蓝字关注我们"], "after_title": [],
     "lead": "【产权及免责声明：本文系转载编辑文章，仅作分享之用。如分享内容、图片侵犯到您的版权或非授权发布，请及时与我们联系进行审核处理或删除。】",
     "footer": ["长按二维码识别关注", "点亮在看扩散让更多的人看到→"]},
]

_TITLE_STOP = "，。、；：！？（）《》“”,.;:!?()"


def _title(article: str) -> str:
    first = article.split("\n", 1)[0]
    cut = next((k for k, ch in enumerate(first) if ch in _TITLE_STOP), len(first))
    title = "".join(ch for ch in first[:min(cut, 20)] if ch.isalnum())
    return title if len(title) >= 6 else "本报综合消息" + title[:6]


def wrap_page(article: str, rng: random.Random, sites: list[dict] = PAGE_SITES) -> tuple[str, str, int]:
    """(wrapped document, the body it contains, furniture characters) for a site of PAGE_SITES: the
    body is a title line and the article."""
    from score import fold

    site = rng.choice(sites)
    title = _title(article)
    paragraphs = article.split("\n")
    pages = max(2, len(paragraphs) // 3 + rng.randint(0, 3))
    fields = _fields(rng, title, pages)
    tags = [title[i:i + 2] for i in range(0, min(len(title), 10), 2)]
    fields["kwrow"] = " ".join(tags)
    fields["kwlines"] = "\n".join(tags)
    fields["d2"] = f"{rng.randint(0, 59):02d}"
    furniture = 0
    out: list[str] = []

    def add(line: str) -> None:
        nonlocal furniture
        furniture += len(fold(line))
        out.append(line)

    for t in site["header"]:
        add(_fill(t, fields, rng, 1))
    for _ in range(site["copies"]):
        add(title)
    out.append(title)
    for t in site["after_title"]:
        add(_fill(t, fields, rng, 1))
    chunk = rng.randint(1, 3)
    for k, para in enumerate(paragraphs):
        if k == 0 and site.get("lead"):
            add(site["lead"] + para)
            furniture -= len(fold(para))
            continue
        if site.get("spaces") and len(para) >= 40 and rng.random() < 0.5:
            chars = list(para)
            for pos in sorted(rng.sample(range(1, len(para) - 1), 3), reverse=True):
                if "\u4e00" <= chars[pos - 1] <= "\u9fff" and "\u4e00" <= chars[pos] <= "\u9fff":
                    chars.insert(pos, " ")
            para = "".join(chars)
        if site.get("inline") and len(para) >= 40 and rng.random() < 0.35:
            cut = rng.randint(5, len(para) - 5)
            mark = rng.choice(site["inline"])
            furniture += len(fold(mark))
            para = para[:cut] + mark + para[cut:]
        if site.get("chunks") and len(para) >= 200 and rng.random() < 0.5:
            # a preview chunk ends inside the paragraph; the numbers rise but skip
            cut = rng.randint(60, len(para) - 20)
            while cut < len(para) - 20 and not ("\u4e00" <= para[cut - 1] <= "\u9fff" and "\u4e00" <= para[cut] <= "\u9fff"):
                cut += 1
            chunk += rng.randint(1, 3)
            mark = f"{chunk}、"
            furniture += len(fold(mark))
            para = para[:cut] + "\n" + mark + para[cut:]
        out.append(para)
        if site.get("blank_run") and k == len(paragraphs) // 2:
            out.extend([""] * 7)
    for t in site.get("footer", []):
        add(_fill(t, fields, rng, 1))
    return "\n".join(out), title + "\n" + article, furniture
