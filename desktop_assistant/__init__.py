"""客服助手 — a side panel for e-commerce customer-service agents."""

__version__ = "0.1.0"
APP_NAME = "desktop_assistant"
APP_TITLE_ZH = "客服助手"
