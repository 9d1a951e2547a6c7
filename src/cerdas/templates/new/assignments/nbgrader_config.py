"""nbgrader configuration of this course's assignments (the nbgrader course directory is this folder).

`cerdas` passes the course root itself, so the same file serves this repository, the temporary
folder `cerdas assignments verify` works in, and a JupyterHub.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "{{course_id}}"

# What a learner sees in place of the removed solutions (Bahasa Indonesia).
c.ClearSolutions.code_stub = {"python": "# TULIS JAWABAN ANDA DI SINI\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TULIS JAWABAN ANDA DI SINI"

# mutants.yml holds plausible wrong answers for `cerdas assignments verify`: never release it.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "mutants.yml"]
