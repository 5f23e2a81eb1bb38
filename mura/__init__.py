"""Mura: portal and union catalogue for libraries, archives and museums."""
