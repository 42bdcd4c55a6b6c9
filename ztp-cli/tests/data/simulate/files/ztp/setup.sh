#!/bin/sh
cli -c 'configure; set system host-name ex4300-lab-01; commit and-quit'
