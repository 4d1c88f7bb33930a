"""Which buyer a chat window is about, from its process and title."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.conversation_titles import buyer_from_window


@pytest.mark.parametrize("process, title, nick", [
    ("AliWorkbench.exe", "tb_云朵朵 - 接待中心", "tb_云朵朵"),
    ("aliworkbench.exe", "小熊 爱吃鱼 - 接待中心", "小熊 爱吃鱼"),
    ("AliWorkbench.exe", "接待中心", ""),
    ("AliWorkbench.exe", "千牛工作台 - 千牛", ""),
    ("AliIM.exe", "小明 - 阿里旺旺", "小明"),
    ("AliIM.exe", "阿里旺旺", ""),
    ("python3", "与 小熊 交谈中", "小熊"),
    ("WeChat.exe", "与tb_8899的聊天中", "tb_8899"),
    ("firefox", "淘宝网 - 首页", ""),
    ("notepad.exe", "小明 - 接待中心", ""),  # a title alone is not enough: the program must be the IM client
])
def test_buyer_from_window(process, title, nick):
    assert buyer_from_window(process, title) == nick
