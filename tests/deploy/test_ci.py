"""The CI workflow files: valid YAML, and the same commands as the server's hooks (check strict, then deploy)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import REPO

CI = REPO / "deploy" / "ci"


def commands(node: Any) -> list[str]:
    """Every shell line of a workflow: GitHub/Forgejo ``run:`` steps, GitLab ``script:`` lists."""
    if isinstance(node, dict):
        found = [node["run"]] if isinstance(node.get("run"), str) else []
        if isinstance(node.get("script"), list):
            found += [line for line in node["script"] if isinstance(line, str)]
        return found + [c for value in node.values() for c in commands(value)]
    if isinstance(node, list):
        return [c for item in node for c in commands(item)]
    return []


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml", "forgejo-actions.yml"])
def test_workflow_runs_the_hooks_commands(name: str) -> None:
    workflow = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    assert isinstance(workflow, dict)
    lines = commands(workflow)
    assert "loa check --strict" in lines
    deploys = [line for line in lines if " deploy " in line]
    # The deploy runs the loa installed on the web server, never one installed from the pushed tree.
    assert len(deploys) == 1 and deploys[0].startswith("/usr/local/bin/loa deploy --web-root ")
    jobs = workflow.get("jobs", workflow)
    deploy = jobs["deploy"]
    condition = str(deploy.get("if") or deploy.get("rules"))
    assert "main" in condition and "push" in condition
    if name != "gitlab-ci.yml":
        assert deploy["needs"] == "check"
        triggers = workflow[True]  # PyYAML reads the key `on` as true
        assert set(triggers) == {"push", "pull_request"}
        checkout = next(s for s in jobs["check"]["steps"] if "uses" in s)
        assert checkout["with"]["fetch-depth"] == 0  # revision pages read the whole history
    else:
        assert workflow["variables"]["GIT_DEPTH"] == "0"
        assert workflow["stages"] == ["check", "deploy"]
