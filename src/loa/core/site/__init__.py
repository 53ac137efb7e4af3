"""The site: the whole build in one flow (`loa.core.site.plan`), and what it renders and writes.

The top layer of the core. `plan.SitePlan` loads and validates the sources, selects what is published, resolves
references, lays out every page and output on the route table (`loa.core.routing.routes`), renders pages through
the page kinds (`kinds`) and writes through one guarded writer (`loa.core.base.writer`). A renderer host (the MkDocs plugin in
`loa.plugin`) only forwards its events to it.
"""
