"""The author's loop: rebuild on every save (``watch``) and serve the map that reloads itself (``serve``)."""
