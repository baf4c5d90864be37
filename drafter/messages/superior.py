"""`drafter new --from 上级文件`: a local plan drawn up task by task from a superior document."""

MESSAGES = {
    "pending_task": ("语料库中没有足够接近的段落，暂用上级文件原文，请结合本地实际补充具体措施",
                     ("nothing in the corpus is close enough: the superior's own text stands here; "
                     "add local measures")),
    "pending_targets": ("目标数值沿用上级文件，请按本地实际核定", "the targets are the superior's: set the local figures"),
    "stale_targets": ("目标取自{year}年的方案，请按本地实际和上级要求更新", "targets from a plan of {year}: set them anew"),
    "no_tasks": ("{title}：没有找到任务条目（编号的标题或带“推进、完善、建立”等的句子），无法据此起草",
                 ("{title}: no task items found (numbered headings or sentences with 推进, 完善, 建立 …): "
                 "nothing to draw up")),
    "done": ("{path}：依据《{superior}》为{region}起草 {tasks} 项任务（{chars} 字，{seconds:.1f} 秒）",
             ("{path}: {tasks} tasks of 《{superior}》 drawn up for {region} "
             "({chars} characters, {seconds:.1f} s)")),
    "filled": ("其中 {filled} 项取自其他地方的方案，{restated} 项先写明上级要求，{pending} 项待完善。",
               ("{filled} filled from other places' plans, {restated} restating the superior's "
               "requirement first, {pending} still to complete.")),
    "units_inferred": ("牵头和配合单位按任务内容推定，请核实", "the units are guessed from the task's words: check them"),
    "units_candidate": ("牵头和配合单位参照来源方案的分工，请核实",
                        "the units follow the source plan's division of work: check them"),
    "progress": ("正在起草 {done}/{total}：{task}", "drawing up {done}/{total}: {task}"),
    "from_and_pick": ("--from 与 --pick 不能同用：任务各节取自语料库",
                      "--from and --pick do not go together: task sections come from the corpus"),
}
