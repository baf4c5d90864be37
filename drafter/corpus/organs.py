"""How the names of organs end (人民政府, 办公室, 卫生健康委 …): one list for the metadata's issuer
(signature, title, 版头) and the fields a site prints."""

ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办公厅|办公厅|办公室|委员会|卫生健康委|"
    r"卫健委|医改办|领导小组|医疗保障局|医保局|管理局|局)"
)
