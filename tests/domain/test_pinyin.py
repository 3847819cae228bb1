"""Pinyin keys read character by character agree with pypinyin reading the whole name."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from crm_desktop.domain.pinyin import _by_characters, pinyin_keys

# Common name characters, characters that form phrases with them (重庆, 银行, 长安, 单于, 曾经…),
# characters read differently inside phrases, rare CJK and Latin letters.
NAME_CHARS = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华红玉萍鹏飞"
PHRASE_CHARS = "重庆银行长安单于经乐音调查朝阳和平解放仇区查覃尉迟万俟欧阳上官"
characters = st.one_of(st.sampled_from(NAME_CHARS), st.sampled_from(PHRASE_CHARS),
                       st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                       st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
                       st.sampled_from("abcXYZ ·-1"))


def whole_name_keys(name: str) -> tuple[str, str]:
    """The keys as pypinyin gives them for the whole name (the code before the per-character path)."""
    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]
    words = [w for s in syllables for w in s.split() if w]
    return "".join(words), "".join(w[0] for w in words if w[0].isalnum())


@settings(max_examples=3000)
@given(st.text(characters, min_size=1, max_size=6))
def test_per_character_keys_agree_with_pypinyin(name):
    assert pinyin_keys.__wrapped__(name) == whole_name_keys(name)


def test_ordinary_names_take_the_per_character_path_and_phrases_do_not():
    assert _by_characters("张伟") == ["zhang", "wei"]
    assert _by_characters("重庆") is None  # a phrase: pypinyin reads it whole (chong qing)
    assert _by_characters("Alice") is None
    assert pinyin_keys("重庆") == ("chongqing", "cq")
    assert pinyin_keys("张三丰") == whole_name_keys("张三丰")
