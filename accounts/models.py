# No models: the module exists so that Django sends this app its post_migrate
# signal, on which the roles are made (apps.py).
