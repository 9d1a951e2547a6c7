"""nbgrader configuration of the Cerdas course directory.

The course root is not set here: whoever runs nbgrader passes it
(``--CourseDirectory.root=...``), so the same file serves the repository,
a temporary verify folder and a JupyterHub. No exchange is configured.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "cerdas"

# What a learner sees in place of the removed solutions (Bahasa Indonesia).
c.ClearSolutions.code_stub = {"python": "# TULIS JAWABAN ANDA DI SINI\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TULIS JAWABAN ANDA DI SINI"

# mutants.yml holds plausible wrong answers for `cerdas assignments verify`: never release it.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "mutants.yml"]
