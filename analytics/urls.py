"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

app_name = "analytics"

urlpatterns: list = []
