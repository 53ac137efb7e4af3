"""The site's addresses: the route table and the redirects of moved documents."""
