"""Chinese, simplified and traditional: a pack whose script has no spaces and no
capitals.  Every rule has a sentence it handles and a near-miss it must reject,
written in both scripts and with both full-width (，。（）：) and ASCII punctuation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_extract_helpers import moves, one_move, run

from movesboard.cli import main
from movesboard.extract import detect_language, extract
from movesboard.extract.gazetteer import load_gazetteer


def counted(body: str, language: str = "zh") -> list[tuple[str, str | None, str | None]]:
    return sorted(moves(body, language))


# ---------------------------------------------------------------- language, script
@pytest.mark.parametrize("code", ["zh", "zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK"])
def test_every_chinese_code_uses_the_pack(code: str) -> None:
    assert run("张伟加入了小米。", code).language == "zh"


def test_detection_counts_han_characters() -> None:
    assert detect_language("前谷歌研究员张伟已于近日加入字节跳动，担任视觉团队负责人。") == "zh"
    assert detect_language("前 OpenAI 研究員林志明 (Zhiming Lin) 已加入 Meta。") == "zh"
    # A Chinese name or two in an English text do not make it Chinese.
    assert detect_language("Zhang Wei (张伟) has joined ByteDance from Google.") == "en"


def test_organisations_resolve_from_both_scripts() -> None:
    gaz = load_gazetteer()
    for simplified, traditional, name in [
        ("字节跳动", "字節跳動", "ByteDance"),
        ("腾讯", "騰訊", "Tencent"),
        ("英伟达", "輝達", "Nvidia"),
        ("微软", "微軟", "Microsoft"),
        ("脸书", "臉書", "Meta"),
        ("亚马逊", "亞馬遜", "Amazon"),
        ("苹果", "蘋果", "Apple"),
    ]:
        assert gaz.lookup(simplified) == gaz.lookup(traditional) == name
    ex = run("张伟加入了字节跳动。", "zh")
    assert [o.name for o in ex.organizations] == ["ByteDance"]


def test_latin_name_glued_to_han_text_is_still_a_word() -> None:
    ex = run("前谷歌研究員Avi Verma和Ethan Knight,加入Meta還不到一個月。", "zh-Hant")
    assert {o.name for o in ex.organizations} == {"Google", "Meta"}
    # ... but a gazetteer name inside a longer Latin word is none.
    assert not run("张伟在Metaverse大会上发言。", "zh").organizations


def test_sentences_end_at_full_width_and_ascii_marks_not_inside_numbers() -> None:
    first = "研究员王刚（Gang Wang）刚刚加入OpenAI，参与GPT-4.1的研发。"
    (m,) = run(first + "他很忙。", "zh").moves
    assert m.evidence == first  # the original punctuation, not the folded one
    (m,) = run("研究员王刚(Gang Wang)刚刚加入OpenAI.他很忙.", "zh").moves
    assert m.evidence == "研究员王刚(Gang Wang)刚刚加入OpenAI."


# ---------------------------------------------------------------- people
def test_title_then_surname_name() -> None:
    ex = run("前谷歌研究员张伟已于近日加入字节跳动，担任视觉团队负责人。", "zh")
    assert [p.name for p in ex.people] == ["张伟"]
    # No title before it: a surname character alone starts no name.
    assert not run("字节跳动高度重视视觉团队。", "zh").people


def test_transliterated_name_with_latin_form_and_short_mentions() -> None:
    body = "OpenAI首席科学家安娜·卡列尼娜（Anna Karenina）今天宣布离职。卡列尼娜表示，她感谢团队。"
    (p,) = run(body, "zh").people
    assert p.name == "安娜·卡列尼娜"
    assert p.aliases == ["Anna Karenina", "卡列尼娜"]


def test_pinyin_latin_form_sizes_the_han_name() -> None:
    # "Zhiming Lin": three syllables, three characters; the title before is no name.
    ex = run("前微軟資深工程師林志明(Zhiming Lin)已離開微軟,加入輝達。", "zh-Hant")
    assert [(p.name, p.aliases) for p in ex.people] == [("林志明", ["Zhiming Lin"])]
    # An organisation's Latin form in parentheses is no person.
    assert not run("輝達(NVIDIA)與微軟(Microsoft)公布財報。", "zh-Hant").people


def test_latin_name_opening_a_list_item() -> None:
    ex = run("名单如下:\n- Jane Roe:在OpenAI工作。\n", "zh")
    assert [p.name for p in ex.people] == ["Jane Roe"]
    # A product's name opening an item is no person.
    assert not run("产品如下:\n- Deep Research:一款代理产品。\n", "zh").people


def test_surname_name_right_before_a_move_verb_or_after_a_hire_verb() -> None:
    assert counted("张建国已经正式加入小米。") == [("张建国", None, "Xiaomi")]
    assert counted("腾讯聘请王立军为首席科学家。") == [("王立军", None, "Tencent")]
    # A company glued to the verb is no person, even when it opens with a surname.
    assert counted("金山软件加入了开源联盟。") == []
    assert not run("高通已加入开源联盟。", "zh").people


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("王芳去年离开谷歌。", ("王芳", "Google", None)),
        ("王芳去年離開谷歌。", ("王芳", "Google", None)),
        ("李明于2024年5月加入字节跳动。", ("李明", None, "ByteDance")),
        ("李明於2024年5月加入字節跳動。", ("李明", None, "ByteDance")),
        ("腾讯聘请王芳为首席科学家。", ("王芳", None, "Tencent")),
    ],
)
def test_two_character_name_with_a_common_surname_before_a_verb_or_after_a_hire(
    body: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert counted(body) == [expected]


@pytest.mark.parametrize(
    "body", ["高层近日离开百度。", "高層近日離開百度。", "据悉，马上离开谷歌的员工不多。"]
)
def test_two_character_words_that_open_with_a_surname_are_no_subject(body: str) -> None:
    assert counted(body) == []
    assert not run(body, "zh").people


# ---------------------------------------------------------------- moves
def test_join_with_origin_from_description() -> None:
    m = one_move("前谷歌研究员张伟已于近日加入字节跳动，担任视觉团队负责人。", "zh")
    assert (m.person, m.from_org, m.to_org) == ("张伟", "Google", "ByteDance")
    assert m.date is not None and m.date.iso() == "2025-03"  # 近日: this week


def test_rumour_is_no_move() -> None:
    ex = run("据传，前谷歌研究员张伟可能加入字节跳动。", "zh")
    assert ex.moves and not any(m.modality.counts for m in ex.moves)


def test_leave_then_join_traditional_ascii() -> None:
    assert counted("前微軟工程師林志明(Zhiming Lin)已離開微軟,加入輝達。", "zh-Hant") == [
        ("林志明", "Microsoft", "Nvidia")
    ]


def test_denial_is_no_move() -> None:
    assert counted("微軟工程師林志明(Zhiming Lin)否認將離開微軟。", "zh-Hant") == []


def test_resignation_from_the_described_employer() -> None:
    m = one_move("OpenAI首席科学家安娜·卡列尼娜（Anna Karenina）今天宣布离职。", "zh")
    assert (m.person, m.from_org, m.to_org) == ("安娜·卡列尼娜", "OpenAI", None)


def test_person_who_stays() -> None:
    body = "OpenAI首席科学家安娜·卡列尼娜（Anna Karenina）表示，她将继续留在OpenAI。"
    assert counted(body) == []


def test_hire_by_agent_organisation() -> None:
    m = one_move("腾讯聘请前阿里巴巴研究员陈立（Li Chen）出任首席科学家。", "zh")
    assert (m.person, m.from_org, m.to_org) == ("陈立", "Alibaba", "Tencent")


def test_offer_turned_down() -> None:
    assert counted("阿里巴巴研究员陈立（Li Chen）婉拒了腾讯开出的offer，不会加入腾讯。") == []


def test_publication_is_no_hiring_agent() -> None:
    m = one_move("彭博報導,騰訊已任命前 OpenAI 研究員吳昊 (Hao Wu) 為首席科學家。", "zh-Hant")
    assert (m.person, m.from_org, m.to_org) == ("吳昊", "OpenAI", "Tencent")


def test_founding_after_leaving_is_a_move_a_bare_founding_is_not() -> None:
    assert counted(
        "共同創辦人孫浩(Hao Sun)去年 11 月離開阿里巴巴，隨後創辦了 Helix AI。", "zh-Hant"
    ) == [("孫浩", "Alibaba", "Helix AI")]
    assert counted("Helix AI 由孫浩(Hao Sun)與周敏(Min Zhou)共同創立。", "zh-Hant") == []


def test_numbers_of_people_refer_to_the_names_just_listed() -> None:
    body = "Meta 研究員張偉(Wei Zhang)與李明(Ming Li)上月相繼離開 Meta。兩人都將加入 Anthropic。"
    assert counted(body, "zh-Hant") == [
        ("張偉", "Meta", "Anthropic"),
        ("李明", "Meta", "Anthropic"),
    ]
    assert counted("兩人都將加入 Anthropic。", "zh-Hant") == []


def test_from_before_the_verb_and_absolute_date() -> None:
    m = one_move("2024 年 9 月，研究员周洋（Yang Zhou）从谷歌转战苹果。", "zh")
    assert (m.person, m.from_org, m.to_org) == ("周洋", "Google", "Apple")
    assert m.date is not None and m.date.iso() == "2024-09"


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("去年 11 月", "2024-11"),
        ("上月", "2025-02"),
        ("本週", "2025-03"),
        ("2023年5月12日", "2023-05-12"),
        ("週三", "2025-03-12"),
        ("昨晚", "2025-03-13"),
    ],
)
def test_relative_and_absolute_dates(phrase: str, iso: str) -> None:
    m = one_move(f"研究員周洋(Yang Zhou){phrase}轉戰蘋果。", "zh-Hant")
    assert m.date is not None and m.date.iso() == iso


def test_relative_clause_names_its_head_as_mover() -> None:
    m = one_move("上一位是 2022 年加入字节的 CFO 高远。", "zh")
    assert (m.person, m.to_org) == ("高远", "ByteDance")
    assert m.date is not None and m.date.iso() == "2022"
    # The clause describes a thing, not a person: nobody moves.
    assert counted("CFO 高远表示，2022 年加入字节的新人很多。") == []


def test_companions_of_a_founding_are_not_its_subject() -> None:
    body = (
        "研究员韩梅（Mei Han）很有名。2015年，她离开谷歌，"
        "与马克·王（Mark Wang）、约翰·李（John Li）等人联合创办了Helix AI。"
    )
    assert counted(body) == [("韩梅", "Google", "Helix AI")]


def test_a_list_of_movers_after_a_colon() -> None:
    body = (
        "据内部信，以下两人已加入Anthropic：\n"
        "- 张伟（Wei Zhang）：此前在谷歌工作。\n"
        "- Jane Roe：来自OpenAI。\n"
    )
    assert counted(body) == [("Jane Roe", "OpenAI", "Anthropic"), ("张伟", "Google", "Anthropic")]
    rumour = body.replace("已加入", "可能加入").replace("据内部信", "据传")
    assert counted(rumour) == []


def test_no_move_in_a_funding_story() -> None:
    body = (
        "月之暗面创始人兼CEO杨植远表示，公司完成新一轮融资。"
        "美团联合创始人王慧明追加了投资。阿里巴巴、腾讯均参与本轮融资。"
    )
    assert counted(body) == []


# ---------------------------------------------------------------- database
ARTICLE = """---
title: 苏茨克维离职
published: 2024-05-15
language: zh-CN
---
OpenAI联合创始人、首席科学家伊利亚·苏茨克维（Ilya Sutskever）宣布，他将离开这家工作了近十年的公司。

苏茨克维表示，他对接下来的项目感到兴奋。
"""


def test_lookup_by_latin_alias_through_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(ARTICLE, "utf-8")
    db = str(tmp_path / "zh.db")
    assert main(["--db", db, "--no-seed", "ingest", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "lookup", "Sutskever"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[3] == "伊利亚·苏茨克维", out  # score, kind, uid, name


def test_extraction_is_pure() -> None:
    body = "前谷歌研究员张伟已于近日加入字节跳动。"
    pub = dt.date(2025, 3, 14)
    assert extract(body, published=pub, language="zh") == extract(
        body, published=pub, language="zh"
    )


def test_交由前某公司高管领导是一次加入() -> None:
    m = one_move("英伟达的新实验室交由前Cohere首席执行官艾达·布鲁克领导。", "zh")
    assert (m.person, m.from_org, m.to_org) == ("艾达·布鲁克", "Cohere", "Nvidia")
    # 仍是Cohere首席执行官:没有离开,也就没有变动;名字止于"领导"。
    ex = run("英伟达的新实验室交由Cohere首席执行官艾达·布鲁克领导。", "zh")
    assert ex.moves == [] and [p.name for p in ex.people] == ["艾达·布鲁克"]


def test_名字止于动词_被任命_与_从某公司离职() -> None:
    # "跳槽至" 是动词,不是音译名字的一部分。
    assert moves("艾达·布鲁克跳槽至Meta。", "zh") == {("艾达·布鲁克", None, "Meta")}
    assert moves("艾达·布鲁克被任命为Meta首席科学家。", "zh") == {("艾达·布鲁克", None, "Meta")}
    # 三字姓名在"从某公司"之前仍是主语。
    assert moves("王立军从百度离职后加入小米。", "zh") == {("王立军", "Baidu", "Xiaomi")}
    # 公司名不是人名:高通是组织,没有人变动。
    assert moves("高通已从英特尔挖走三名工程师。", "zh") == set()


def test_离开后回到老东家是一次变动_离开的不是老东家() -> None:
    assert moves("艾达·布鲁克已经离开,回到老东家谷歌。", "zh") == {("艾达·布鲁克", None, "Google")}
    # 回到之后再离开:离开的正是谷歌。
    assert moves("艾达·布鲁克2019年回到谷歌,2023年又离开。", "zh") == {
        ("艾达·布鲁克", None, "Google"),
        ("艾达·布鲁克", "Google", None),
    }


def test_音译名字止于副词_相继() -> None:
    assert [p.name for p in run("巴雷特·佐夫相繼離開,回到老東家 OpenAI。", "zh").people] == [
        "巴雷特·佐夫"
    ]
    # 名字里本来就有的字不会被当作副词切掉。
    assert [p.name for p in run("艾达·布鲁克已经离开谷歌。", "zh").people] == ["艾达·布鲁克"]


def test_a_relative_clause_in_a_later_comma_clause_describes_its_head() -> None:
    # The leave verb's own clause names nobody before it: the move is the head's.
    got = moves(
        "拉杰什·库马尔将于4月1日正式入职,接替今年1月离开谷歌加入英伟达的托马斯·贝克尔。", "zh"
    )
    assert ("托马斯·贝克尔", "Google", "Nvidia") in got
    assert not any(person == "拉杰什·库马尔" and src == "Google" for person, src, _ in got)
    # Near miss: a name in the verb's own clause is its subject.
    assert moves("拉杰什·库马尔入职后,托马斯·贝克尔离开谷歌加入英伟达。", "zh") == {
        ("托马斯·贝克尔", "Google", "Nvidia")
    }


def test_the_origin_before_the_hiring_verb() -> None:
    # "從X挖來": the organisation after 從 right before the verb is the one left.
    assert moves("字節跳動近日從阿里巴巴挖來了技術負責人周暢。", "zh") == {
        ("周暢", "Alibaba", "ByteDance")
    }
    # Near miss (English): a description of the hirer that names another organisation.
    assert moves("Helix AI, a spin-off from Google, hired Ann Lee.", "en") == {
        ("Ann Lee", None, "Helix AI")
    }


def test_a_han_name_listed_after_a_found_one_is_a_person() -> None:
    # A surname name after a list word, then togetherness, a list word or the verb.
    assert moves("前OpenAI研究員王芳與張偉一同加入了Anthropic。", "zh") == {
        ("王芳", "OpenAI", "Anthropic"),
        ("張偉", "OpenAI", "Anthropic"),
    }
    assert {m[0] for m in moves("前OpenAI研究員王芳、張偉和李明已加入Anthropic。", "zh")} == {
        "王芳",
        "張偉",
        "李明",
    }
    # Near miss: a noun phrase after the list word is no name.
    assert moves("前OpenAI研究員王芳和公司高管都加入了Anthropic。", "zh") == {
        ("王芳", "OpenAI", "Anthropic")
    }


def test_a_dotted_name_cut_short_leaves_the_next_one_to_be_read() -> None:
    got = moves(
        "巴雷特·佐夫、盧克·梅茨與山姆·勳霍爾茲相繼離開Thinking Machines Lab,"
        "三人全數回到老東家OpenAI。",
        "zh",
    )
    assert {person for person, _, _ in got} == {"巴雷特·佐夫", "盧克·梅茨", "山姆·勳霍爾茲"}
    # A kin word or a title before a dotted name is no part of it.
    names = {p.name for p in run("萨姆·奥尔特曼还在弟弟杰克·奥尔特曼的播客里说。", "zh").people}
    assert names == {"萨姆·奥尔特曼", "杰克·奥尔特曼"}
    names = {p.name for p in run("美國前總統喬治·沃克·布什會見了伊利亞·蘇茨克維。", "zh").people}
    assert names == {"喬治·沃克·布什", "伊利亞·蘇茨克維"}


@pytest.mark.parametrize(
    "body", ["Meta近期延攬Scale AI創辦人汪滔。", "Meta近期延揽Scale AI创办人汪滔。"]
)
def test_the_founder_noun_is_no_founding_verb(body: str) -> None:
    assert counted(body) == [("汪滔", "Scale AI", "Meta")]


def test_the_founding_verb_still_founds() -> None:
    # A founding with no origin is background, and the founder noun is no verb:
    # "创办了" still reads as founding (here from Baidu, so a move).
    assert counted("王芳从百度离职后创办了Helix AI。") == [("王芳", "Baidu", "Helix AI")]
