"""Words about places (the gazetteer, rendering a template for a region), for the CLI and the app alike:
no command-line flag is named here, each interface says how to give the missing value its own way."""

MESSAGES = {
    "unknown_province": ("{region}：找不到这个地区所属的省份，请同时填写省份（例如 山西省）",
                         "{region}: unknown region; give its province as well (e.g. 山西省)"),
}
