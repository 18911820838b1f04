"""The checker's explanation codes (engine.checker): local verdicts, aliasing, unreadable results, isolation."""

from engine.text import register

TEMPLATES = {
    # a line judged against the right rule applied to the learner's own upstream tensor
    "checker.local.sign": "{name} has the opposite sign of what the right formula gives with your {up}: this "
                          "line adds a minus. The right formula: {formula}.",
    "checker.local.mean_instead_of_sum": "{name} is the mean of your {up} over the batch axis, 1/{N} of its "
                                         "sum: a bias gradient is the sum over the batch axis. The "
                                         "right formula: {formula}.",
    "checker.local.mean_extra": "{name} is 1/{N} of what the right formula gives with your {up}: this line "
                                "divides by N = {N} (the 1/N of the mean belongs in d_loss only). The right "
                                "formula: {formula}.",
    "checker.local.factor": "{name} is {k} × what the right formula gives with your {up}. The right formula: "
                            "{formula}.",
    "checker.aliased": "{name} was right when line {line} assigned it, but line {changed_line} changed the "
                       "same tensor in place afterwards. Keep {name} intact: change a copy, {name}.clone().",
    "checker.aliased_via": "{name} was right when line {line} assigned it, but line {changed_line} changed it "
                           "in place, and {via} is that same tensor ({via} = {name} copies no values). Copy "
                           "it first: {via} = {name}.clone(), then change {via}.",
    "checker.y_one_hot": "y is one-hot, {shape}: it cannot index rows by class. Use labels, the class "
                         "indices {labels_shape}: y_pred[range(N), labels].",
    # the run itself
    "checker.unreadable": "your code's results could not be read",
    "checker.unreadable.hint": "the process running your code ended without handing back its tensors in "
                               "the expected form (did your code end the process, e.g. os._exit, or "
                               "overwrite the checker's files?)",
    "checker.parent_killed": "your code ended the process that supervises it; the check was stopped",
    "checker.parent_killed.hint": "the checker runs your code under a supervisor process: signalling "
                                  "os.getppid() ends only the check",
    "checker.memory_tree": "your code and the processes it started used more than {memory_mb} MiB together",
    "checker.memory_tree.hint": "the memory limit counts every process your code starts",
    "checker.isolation": "isolation: {means}",
    "checker.not_isolated": "not enforced here: {means}",
    # the means of containment, as `isolation` lists them
    "checker.means.time_limit": "a time limit",
    "checker.means.supervisor": "a supervisor process between your code and the checker",
    "checker.means.memory_per_process": "a memory limit for each process",
    "checker.means.process_tree": "every process your code starts ends with the check",
    "checker.means.memory_tree": "a memory limit for all its processes together",
    "checker.means.shm_cleanup": "files it leaves in /dev/shm are removed",
    "checker.means.pid_namespace": "its own process namespace (it cannot see or signal other programs)",
    "checker.means.no_network": "no network",
    "checker.means.read_only_files": "no writes outside its temporary folder",
    "checker.means.private_tmp": "a private /tmp and /dev/shm",
}


def means_texts(means) -> list:
    """The means of containment as Texts (for the app); unknown names are skipped."""
    from engine.text import Text

    return [Text(f"checker.means.{m}") for m in means if f"checker.means.{m}" in TEMPLATES]

register(TEMPLATES)
