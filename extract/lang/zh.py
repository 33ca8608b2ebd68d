"""Chinese (simplified and traditional): numbers written in Han numerals, and the
Han script's facts the engine needs beyond the lexicon: common surnames, the
transliteration dot, and pinyin syllables (to size a name by its Latin form)."""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

# Regex fragment for a written number: Arabic digits or Han numerals up to 99.
NUMBER_PATTERN = r"\d{1,4}|[一二两兩三四五六七八九十]{1,3}"
# "至少", "超过": the count is a lower bound but still the number given.
QUANTIFIER_PATTERN = r"(?:至少|超过|超過|逾|近|约|約|多达|多達)"


def number(word: str) -> int | None:
    """'十一' -> 11, '二十' -> 20, '兩' -> 2, '20' -> 20; None for anything else."""
    w = word.strip()
    if w.isdigit() and w.isascii():
        return int(w)
    if not w or any(c not in _DIGITS and c != "十" for c in w):
        return None
    if "十" not in w:
        return _DIGITS[w] if len(w) == 1 else None
    tens, _, units = w.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


# The dot between the parts of a transliterated foreign name (伊利亚·苏茨克维),
# in the forms publishers type it.
NAME_DOT = "·‧•・"

# Single-character surnames covering nearly all Chinese people named in the
# news, in both scripts where they differ (吴/吳, 刘/劉 ...); two-character ones
# after.  A name is such a surname plus one or two characters.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許"
    "韩韓冯馮邓鄧曹彭曾萧蕭蔡潘田董袁于余叶葉蒋蔣杜苏蘇魏程吕呂丁沈任姚卢盧姜崔钟鍾"
    "谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛阎閻段雷侯龙龍史陶黎贺賀"
    "顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐"
    "颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅"
    "童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒"
    "解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮"
    "费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫"
    "寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲"
    "原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強"
    "帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰丘"
)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "歐陽",
        "司马",
        "司馬",
        "上官",
        "诸葛",
        "諸葛",
        "东方",
        "東方",
        "皇甫",
        "令狐",
        "慕容",
        "司徒",
        "夏侯",
        "尉迟",
        "尉遲",
        "公孙",
        "公孫",
        "长孙",
        "長孫",
        "宇文",
        "轩辕",
        "軒轅",
        "端木",
        "东郭",
        "東郭",
    }
)

# One pinyin syllable (tone marks folded away): a Chinese person's Latin name
# has one syllable per character of the Han name ("Yao Shunyu" = 姚順雨).
PINYIN_SYLLABLE = re.compile(
    r"(?:[zcs]h?|[bpmfdtnlgkhjqxrwy])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|ue|ve|uai|iao|ai|ei|ao|ou|an|en|in|un|vn"
    r"|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u|v)"
)

# Characters that never belong to a name: grammar particles, the verbs,
# prepositions and adverbs that follow or precede a name, and 两 ("两年前").
NOT_NAME = frozenset(
    "的了是在也已将將则則曾于於与與和及等均都又还還就才并並被把从從向对對为為由以两兩"
    "称稱说說表这這那其此该該各每年月日时時后後前之所更最很再亦即便仍却卻且或亲親管"
    "跟同给給让讓令使将要会會能可应應得着著过過来來去到上下中内內外里裡"
)
# Particles that end or open any name, transliterations included (whose
# characters overlap the wider set above: 里, 各, 克 ...).
PARTICLES = frozenset("的了是在也已将將则則于於与與和及等均都被把从從向对對为為由以这這")
# A title ends in one of these (首席研究官, 执行长, 副手, 成员 ...): a name may start after.
TITLE_END = frozenset("官长長人员員家裁监監手席授士者师師编編记記")

# Adverbs between a subject and its move verb (张建国已经正式加入小米).
ADVERBS_BEFORE_VERB = (
    "相继",
    "相繼",
    "陆续",
    "陸續",
    "先后",
    "先後",
    "已经",
    "已經",
    "已",
    "也",
    "将",
    "將",
    "正式",
    "宣布",
    "宣佈",
    "确认",
    "確認",
    "近日",
    "日前",
    "刚刚",
    "剛剛",
    "即将",
    "即將",
    "于近日",
    "於近日",
    # Time words between a subject and its verb (王芳去年离开谷歌).
    "去年",
    "今年",
    "前年",
    "上月",
    "本月",
    "上周",
    "上週",
    "本周",
    "本週",
    "昨天",
    "昨日",
    "今天",
    "今日",
    "此前",
    "早前",
    "最近",
    "于去年",
    "於去年",
    "于今年",
    "於今年",
    "于上月",
    "於上月",
    "于本月",
    "於本月",
)
# A date between a subject and its verb (李明于2024年5月加入): read back from the verb.
DATE_BEFORE_VERB = re.compile(
    r"(?:[于於在])?\s*\d{1,4}\s*[年月日号號](?:\s*\d{1,2}\s*[月日号號])*[初底中末]?\s*$"
)

# The surnames common enough for a two-character name with no other cue (王芳
# 去年离开谷歌): the 100 most frequent.  A rarer surname character is likelier
# the start of a word (高层, 马上) than of a bare two-character name.
COMMON_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許"
    "韩韓冯馮邓鄧曹彭曾萧蕭蔡潘田董袁于余叶葉蒋蔣杜苏蘇魏程吕呂丁沈任姚卢盧姜崔钟鍾"
    "谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛阎閻段雷侯龙龍史陶黎贺賀"
    "顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
)
# Two-character words that open with one of those surnames and stand before
# move verbs as subjects or adverbs: no names.
NOT_TWO_CHARACTER_NAMES = frozenset(
    [
        "高层",
        "高層",
        "马上",
        "馬上",
        "任职",
        "任職",
        "方面",
        "全体",
        "全體",
        "金融",
        "万名",
        "萬名",
        "黄金",
        "黃金",
        "江湖",
        "向来",
        "向來",
        "于是",
        "於是",
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "何时",
        "何時",
        "许多",
        "許多",
        "程序",
        "石油",
        "白宫",
        "白宮",
        "钱包",
        "錢包",
        "林业",
        "林業",
    ]
)
