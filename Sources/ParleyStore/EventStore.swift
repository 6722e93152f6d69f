import ParleyDesk
