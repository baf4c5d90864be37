"""Words used all over drafter: yes/no, generic failures, the program's own name for things."""

MESSAGES = {
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "ok": ("确定", "OK"),
    "cancel": ("取消", "Cancel"),
    "interrupted": ("已中断", "interrupted"),
    "error_prefix": ("drafter：{message}", "drafter: {message}"),
}
