#!/usr/bin/python
from jnpr.junos import Device
print('configured')
