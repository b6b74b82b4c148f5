"""Package list and resources mapping; all other metadata is in pyproject.toml.

The top-level ``resources/`` folder (forms, fonts, icons, demo data) is installed
inside the package as ``finsamdesk/_resources`` so a non-editable ``pip install .``
carries it; ``finsamdesk.paths.resources_dir()`` finds either location.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["finsamdesk*"]), "finsamdesk._resources"],
    package_dir={"finsamdesk._resources": "resources"},
    package_data={"finsamdesk._resources": ["**/*"]},
    exclude_package_data={"finsamdesk._resources": ["**/__pycache__/*", "**/*.pyc"]},
)
