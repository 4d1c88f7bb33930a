"""The guard before an insertion (docs/guard.md), in the running app: a phrase with 加我微信 is not sent
without the agent's confirmation; absolute words go out with a notice."""

from __future__ import annotations

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.resources_access import load_guard
from desktop_assistant.ui.send_guard import Decision, SendGuard
from tests.ui.conftest import open_tab


def started(make_app):
    app = make_app()
    assert app.open_database()
    app.build_ui()
    app.show()
    return app


def asked(app, answer: bool) -> list[str]:
    questions: list[str] = []

    def ask(question: str) -> bool:
        questions.append(question)
        return answer

    app.send_guard.ask = ask
    return questions


def test_a_contact_phrase_is_not_sent_when_the_agent_declines(qtbot, make_app, im_target) -> None:
    app = started(make_app)
    phrase = app.phrases.library.save(Phrase(text="亲，加我微信 abc123 详聊", code="wx1", hotkey="ctrl+alt+7"))
    app.phrases.bindings_changed.emit()
    questions = asked(app, False)
    app.phrases.insert(phrase.id)
    assert len(questions) == 1 and "站外联系" in questions[0] and "微信" in questions[0]
    qtbot.wait(100)
    assert im_target.box == "" and app.phrases.library.get(phrase.id).use_count == 0


def test_a_contact_phrase_goes_out_once_confirmed(qtbot, make_app, backend, im_target) -> None:
    app = started(make_app)
    app.phrases.library.save(Phrase(text="好评返现5元哦", code="fx1", hotkey="ctrl+alt+7"))
    app.phrases.bindings_changed.emit()
    questions = asked(app, True)
    assert backend.press("ctrl+alt+7")
    qtbot.waitUntil(lambda: "好评返现5元哦" in im_target.box, timeout=3000)
    assert len(questions) == 1 and "好评返现" in questions[0]


def test_absolute_words_warn_and_send(qtbot, make_app, im_target) -> None:
    app = started(make_app)
    phrase = app.phrases.library.save(Phrase(text="这已经是全网最低价了", code="jx1"))
    questions = asked(app, False)
    app.phrases.insert(phrase.id)
    qtbot.waitUntil(lambda: "全网最低价" in im_target.box, timeout=3000)
    assert questions == []
    assert "广告法极限词" in app.panel.status_strip.conversation_label.text()


def test_the_default_phrases_go_out_without_a_question(qtbot, make_app, im_target) -> None:
    app = started(make_app)
    questions = asked(app, False)
    hy = next(p for p in app.phrases.library.all() if p.code == "hy")
    app.phrases.insert(hy.id)
    qtbot.waitUntil(lambda: "欢迎光临" in im_target.box, timeout=3000)
    assert questions == []


def test_a_category_switched_off_in_settings_is_not_asked(qtbot, make_app, im_target) -> None:
    app = started(make_app)
    app.store.settings.set("guard.contact", False)
    app.apply_settings(app.store.settings.all())
    phrase = app.phrases.library.save(Phrase(text="加我微信", code="wx2"))
    questions = asked(app, False)
    app.phrases.insert(phrase.id)
    qtbot.waitUntil(lambda: "加我微信" in im_target.box, timeout=3000)
    assert questions == []


def test_the_buyers_own_phone_in_a_confirmation_is_not_contact(qapp) -> None:
    guard = SendGuard(lambda: load_guard({}))
    guard.ask = lambda question: False
    text = "收货人: 张三, 手机: 13812345678"
    assert guard.decide([text], ["13812345678"]) is Decision.SEND
    assert guard.decide([text]) is Decision.CANCEL


def test_the_unmasked_confirmation_with_the_buyers_phone_goes_out_without_a_question(qtbot, agents_app, im_target):
    app = agents_app
    app.build_features()
    open_tab(app, "核对")
    questions = asked(app, False)
    tab = app.checks.tab
    app.checks.open_order("3852190467712")
    tab.paste_box.setPlainText("张三，13812345678，浙江省 杭州市 西湖区 北山街道 文三路100号，310000")
    tab.parse_button.click()
    tab.mask_box.setChecked(False)
    tab.message_button.click()
    assert "13812345678" in tab.preview.toPlainText()
    tab.send_button.click()
    qtbot.waitUntil(lambda: "13812345678" in im_target.box, timeout=3000)
    assert questions == []
    # Someone else's number typed into the message is asked about.
    app._insert_texts(["联系我 13900001111"], None, "check", True)
    assert len(questions) == 1 and "13900001111" in questions[0]
