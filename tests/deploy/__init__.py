"""Issue 22: from an editor's commit to the live site (deploy, hooks, schedule, status), with real git and nginx."""
