package com.example.movies.staff;

import com.example.movies.problem.Refused;

/**
 * Staff may not deactivate, un-staff or delete themselves, so that an installation always
 * keeps a staff member who can act.
 */
class SelfLockout extends Refused {

    SelfLockout(String reason) {
        super(reason);
    }

    static SelfLockout deactivate() {
        return new SelfLockout("You cannot deactivate your own account.");
    }

    static SelfLockout removeStaff() {
        return new SelfLockout("You cannot remove your own staff status.");
    }

    static SelfLockout delete() {
        return new SelfLockout("You cannot delete your own account.");
    }

}
