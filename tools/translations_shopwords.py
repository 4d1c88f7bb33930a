"""English for the shopwords strings (merged into TRANSLATIONS)."""

SHOPWORDS_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # Address parser (issue 16, item 4)
    "部分信息被平台打码（*），请以订单详情为准或与买家确认":
        "The platform masked part of it (*): go by the order details or confirm with the buyer",
}
