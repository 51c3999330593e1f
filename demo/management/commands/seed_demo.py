from django.core.management.base import BaseCommand

from demo.seed import seed_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo organisations, users and data. Safe to run twice."

    def handle(self, *args, **options):
        logins = seed_demo()
        self.stdout.write(self.style.SUCCESS("Demo data ready. Logins:"))
        for email, password, role in logins:
            self.stdout.write(f"  {role:<12} {email:<40} {password}")
